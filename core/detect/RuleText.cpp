#include "detect/RuleText.h"

#include "model/Currency.h"

#include <QDateTime>
#include <QTimeZone>
#include <cmath>

namespace fundtrace::detect {

QString money(std::int64_t minor, const QString &currency)
{
    return model::formatAmount(minor, currency.toStdString());
}

QString day(std::int64_t utcSeconds)
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

QString duration(std::int64_t seconds)
{
    if (seconds < 2 * 86400)
        return QStringLiteral("%1 h").arg(std::llround(seconds / 3600.0));
    return QStringLiteral("%1 days").arg(std::llround(seconds / 86400.0));
}

QString percent(double fraction)
{
    return QStringLiteral("%1%").arg(std::lround(fraction * 100.0));
}

} // namespace fundtrace::detect
