#include "charts/ReportingThreshold.h"

#include "db/Database.h"
#include "db/Statement.h"
#include "detect/RuleSet.h"
#include "detect/RuleSettings.h"

#include <QJsonDocument>

namespace fundtrace::charts {

ReportingThreshold ReportingThreshold::fromRules(const QJsonObject &rulesFile)
{
    // The same reading, defaults and range checks as StructuringRule::configure.
    const detect::RuleSettings settings(QStringLiteral("structuring"),
                                        rulesFile.value(u"rules").toObject().value(u"structuring").toObject(),
                                        rulesFile.value(u"currency").toString(QStringLiteral("KZT")));
    ReportingThreshold threshold;
    if (!settings.enabled())
        return threshold;
    threshold.currency = settings.currency();
    threshold.amountMinor = settings.amountMinor(QStringLiteral("threshold"), 7'000'000);
    threshold.justUnderFraction = settings.number(QStringLiteral("just_under_fraction"), 0.8, 0.1, 0.999);
    threshold.channels = settings.strings(QStringLiteral("channels"), { QStringLiteral("cash") });
    return threshold;
}

ReportingThreshold ReportingThreshold::fromDefaultRules()
{
    return fromRules(detect::RuleSet::defaultJson());
}

ReportingThreshold ReportingThreshold::ofCase(const db::Database &db)
{
    db::Statement last = db.prepare("SELECT rules FROM detection_runs ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        const QJsonDocument rules = QJsonDocument::fromJson(QByteArray::fromStdString(last.text(0)));
        if (rules.isObject())
            return fromRules(rules.object());
    }
    return fromDefaultRules();
}

} // namespace fundtrace::charts
