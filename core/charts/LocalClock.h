#pragma once

#include <QTimeZone>
#include <cstdint>
#include <utility>
#include <vector>

namespace fundtrace::charts {

// Local calendar arithmetic for a million timestamps: the zone's UTC offsets over a period are
// looked up once (QTimeZone per row would dominate a chart's build time), then a row's local day,
// weekday and hour are integer arithmetic. Days count from 1970-01-01 local time.
class LocalClock {
public:
    LocalClock(const QTimeZone &zone, std::int64_t fromUtc, std::int64_t toUtc);

    std::int64_t toLocal(std::int64_t utc) const { return utc + offsetAt(utc); }
    std::int64_t localDay(std::int64_t utc) const { return floorDiv(toLocal(utc), 86400); }
    int hour(std::int64_t utc) const { return int(floorMod(toLocal(utc), 86400) / 3600); }
    static int weekday(std::int64_t day) { return int(floorMod(day + 3, 7)); } // Monday = 0
    static std::int64_t weekStart(std::int64_t day) { return day - weekday(day); }
    // Months since 1970-01 of a local day, and the first day of such a month.
    static std::int64_t monthOf(std::int64_t day);
    static std::int64_t monthStart(std::int64_t month);
    // Local midnight starting a day, in UTC seconds.
    std::int64_t dayStartUtc(std::int64_t day) const;

    static std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
    static std::int64_t floorMod(std::int64_t a, std::int64_t b) { return a - floorDiv(a, b) * b; }

private:
    int offsetAt(std::int64_t utc) const;

    QTimeZone m_zone;
    std::vector<std::pair<std::int64_t, int>> m_offsets; // (from UTC second, offset seconds), ascending
};

} // namespace fundtrace::charts
