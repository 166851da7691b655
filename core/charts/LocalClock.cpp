#include "charts/LocalClock.h"

#include <QDate>
#include <QDateTime>
#include <algorithm>
#include <limits>

namespace fundtrace::charts {

LocalClock::LocalClock(const QTimeZone &zone, std::int64_t fromUtc, std::int64_t toUtc)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    // A day either side, so bucket edges just outside the data resolve the same way.
    const QDateTime from = QDateTime::fromSecsSinceEpoch(fromUtc - 86400, QTimeZone::utc());
    const QDateTime to = QDateTime::fromSecsSinceEpoch(std::max(fromUtc, toUtc) + 86400, QTimeZone::utc());
    m_offsets.emplace_back(std::numeric_limits<std::int64_t>::min(), m_zone.offsetFromUtc(from));
    for (const QTimeZone::OffsetData &change : m_zone.transitions(from, to))
        m_offsets.emplace_back(change.atUtc.toSecsSinceEpoch(), change.offsetFromUtc);
}

int LocalClock::offsetAt(std::int64_t utc) const
{
    if (m_offsets.size() == 1)
        return m_offsets.front().second;
    const auto after = std::upper_bound(m_offsets.begin(), m_offsets.end(), utc,
                                        [](std::int64_t at, const auto &change) { return at < change.first; });
    return std::prev(after)->second;
}

std::int64_t LocalClock::monthOf(std::int64_t day)
{
    const QDate date = QDate(1970, 1, 1).addDays(day);
    return std::int64_t(date.year() - 1970) * 12 + (date.month() - 1);
}

std::int64_t LocalClock::monthStart(std::int64_t month)
{
    const QDate first(1970 + int(floorDiv(month, 12)), int(floorMod(month, 12)) + 1, 1);
    return QDate(1970, 1, 1).daysTo(first);
}

std::int64_t LocalClock::dayStartUtc(std::int64_t day) const
{
    return QDateTime(QDate(1970, 1, 1).addDays(day), QTime(0, 0), m_zone).toSecsSinceEpoch();
}

} // namespace fundtrace::charts
