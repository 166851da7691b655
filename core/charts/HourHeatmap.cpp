#include "charts/HourHeatmap.h"

#include "charts/LocalClock.h"
#include "charts/ScopeRows.h"

#include <QJsonArray>

namespace fundtrace::charts {

HourHeatmap HourHeatmap::build(const detect::DetectionContext &context, const ChartScope &scope)
{
    const ScopeRows rows(context, scope);
    HourHeatmap heatmap;
    heatmap.currency = rows.currency();
    heatmap.zone = QString::fromUtf8(scope.zone.id());
    heatmap.otherCurrencyRows = rows.otherCurrencyRows();
    const LocalClock clock(scope.zone, rows.firstAt(), rows.lastAt());
    rows.forEach([&](const detect::Transaction &t, bool, bool) {
        const std::int64_t local = clock.toLocal(t.bookedAt);
        const auto day = std::size_t(LocalClock::weekday(LocalClock::floorDiv(local, 86400)));
        const auto hour = std::size_t(LocalClock::floorMod(local, 86400) / 3600);
        ++heatmap.counts[day][hour];
        heatmap.sumsMinor[day][hour] += t.amountMinor;
        ++heatmap.totalCount;
    });
    return heatmap;
}

std::int64_t HourHeatmap::maxCount() const
{
    std::int64_t most = 0;
    for (const auto &day : counts)
        for (const std::int64_t count : day)
            most = std::max(most, count);
    return most;
}

QString HourHeatmap::weekdayName(int weekday)
{
    static const char *const kNames[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    return weekday >= 0 && weekday < 7 ? QString::fromLatin1(kNames[weekday]) : QString();
}

QJsonObject HourHeatmap::toJson() const
{
    QJsonArray days;
    for (int d = 0; d < 7; ++d) {
        QJsonArray countRow;
        QJsonArray sumRow;
        for (int h = 0; h < 24; ++h) {
            countRow.append(qint64(counts[std::size_t(d)][std::size_t(h)]));
            sumRow.append(qint64(sumsMinor[std::size_t(d)][std::size_t(h)]));
        }
        days.append(QJsonObject { { QStringLiteral("weekday"), weekdayName(d) },
                                  { QStringLiteral("counts"), countRow },
                                  { QStringLiteral("sums_minor"), sumRow } });
    }
    return { { QStringLiteral("currency"), currency },
             { QStringLiteral("zone"), zone },
             { QStringLiteral("transactions"), qint64(totalCount) },
             { QStringLiteral("other_currency_transactions"), qint64(otherCurrencyRows) },
             { QStringLiteral("days"), days } };
}

} // namespace fundtrace::charts
