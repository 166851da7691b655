#pragma once

#include <QDate>
#include <QString>
#include <QtGlobal>

namespace fundtrace::demo {

// Demo times are wall-clock minutes in Almaty since 2024-01-01 00:00. Kazakhstan moved from
// UTC+6 to UTC+5 at 2024-03-01 00:00 (clocks went back to 23:00 on 29 February), so the demo
// converts by hand rather than trusting the tz database of the machine that generates it, and
// never places an event in the repeated hour 2024-02-29 23:00-24:00.
class DemoClock {
public:
    static constexpr qint64 kMinutesPerDay = 24 * 60;

    static QDate epoch() { return QDate(2024, 1, 1); }
    // The period the demo's statements cover (inclusive), spanning the 2024-03-01 offset change.
    static QDate periodStart() { return QDate(2024, 1, 15); }
    static QDate periodEnd() { return QDate(2024, 7, 14); }
    static qint64 minuteOf(const QDate &date, int hour, int minute);
    static QDate dateOf(qint64 localMinute);
    static int minuteOfDay(qint64 localMinute);
    // Shifts a time out of the repeated hour (one hour earlier).
    static qint64 avoidRepeatedHour(qint64 localMinute);
    // UTC offset of Almaty wall-clock time in minutes (360 before 2024-03-01, 300 from then on).
    static int utcOffsetMinutes(qint64 localMinute);
    static qint64 toUtcMinute(qint64 localMinute) { return localMinute - utcOffsetMinutes(localMinute); }

    // Formatting with fixed, locale-free patterns; `seconds` is appended where a format has it.
    static QString isoMinutes(qint64 minute);                 // 2024-03-05 14:07
    static QString dottedMinutes(qint64 minute);              // 05.03.2024 14:07
    static QString dottedSeconds(qint64 minute, int seconds); // 05.03.2024 14:07:33
    static QString dottedShortDate(qint64 minute);            // 05.03.24
    static QString isoUtc(qint64 utcMinute);                  // 2024-03-05T09:07:00Z
    static QString dottedDate(const QDate &date);             // 05.03.2024
};

} // namespace fundtrace::demo
