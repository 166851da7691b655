#include "detect/RuleSet.h"

#include "detect/RuleRegistry.h"

#include <QFile>
#include <QJsonDocument>

static void registerRuleResources()
{
    Q_INIT_RESOURCE(core);
}

namespace fundtrace::detect {

QJsonObject RuleSet::defaultJson()
{
    static const bool registered = (registerRuleResources(), true);
    Q_UNUSED(registered);
    QFile file(QStringLiteral(":/fundtrace/rules/default-rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw RuleConfigError(QStringLiteral("the bundled default rules are missing from this build"));
    return QJsonDocument::fromJson(file.readAll()).object();
}

RuleSet RuleSet::fromDefault()
{
    return fromJson(defaultJson());
}

RuleSet RuleSet::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw RuleConfigError(QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw RuleConfigError(QStringLiteral("%1: not a rules file (JSON error at byte %2: %3)")
                                      .arg(path).arg(error.offset).arg(error.errorString()));
    try {
        return fromJson(document.object());
    } catch (const RuleConfigError &configError) {
        throw RuleConfigError(QStringLiteral("%1: %2").arg(path, QString::fromUtf8(configError.what())));
    }
}

RuleSet RuleSet::fromJson(const QJsonObject &json)
{
    RuleSet set;
    set.m_json = json;
    const QString currency = json.value(u"currency").toString(QStringLiteral("KZT"));
    const QJsonValue rulesValue = json.value(u"rules");
    if (!rulesValue.isUndefined() && !rulesValue.isObject())
        throw RuleConfigError(QStringLiteral("\"rules\" must be an object of rule id -> settings"));
    const QJsonObject rules = rulesValue.toObject();
    for (auto it = rules.constBegin(); it != rules.constEnd(); ++it) {
        if (!RuleRegistry::ids().contains(it.key()))
            throw RuleConfigError(QStringLiteral("unknown rule \"%1\" (known: %2)")
                                          .arg(it.key(), RuleRegistry::ids().join(QStringLiteral(", "))));
        if (!it.value().isObject())
            throw RuleConfigError(QStringLiteral("rule \"%1\": settings must be an object").arg(it.key()));
    }
    for (const QString &id : RuleRegistry::ids()) {
        const RuleSettings settings(id, rules.value(id).toObject(), currency);
        if (!settings.enabled())
            continue;
        std::unique_ptr<Rule> rule = RuleRegistry::create(id);
        rule->configure(settings);
        if (const QStringList unknown = settings.unknownKeys(); !unknown.isEmpty())
            throw RuleConfigError(QStringLiteral("rule \"%1\": unknown setting(s) %2").arg(id, unknown.join(QStringLiteral(", "))));
        set.m_rules.push_back(std::move(rule));
    }
    return set;
}

} // namespace fundtrace::detect
