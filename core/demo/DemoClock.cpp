#include "demo/DemoClock.h"

namespace fundtrace::demo {

namespace {

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString time(qint64 minute)
{
    const int m = DemoClock::minuteOfDay(minute);
    return twoDigits(m / 60) + QLatin1Char(':') + twoDigits(m % 60);
}

// 2024-03-01 00:00: January and February 2024 have 31 + 29 days.
constexpr qint64 kSwitchMinute = 60 * DemoClock::kMinutesPerDay;

} // namespace

qint64 DemoClock::minuteOf(const QDate &date, int hour, int minute)
{
    return epoch().daysTo(date) * kMinutesPerDay + hour * 60 + minute;
}

QDate DemoClock::dateOf(qint64 localMinute)
{
    qint64 days = localMinute / kMinutesPerDay;
    if (localMinute < 0 && localMinute % kMinutesPerDay != 0)
        days -= 1;
    return epoch().addDays(days);
}

int DemoClock::minuteOfDay(qint64 localMinute)
{
    const qint64 m = localMinute % kMinutesPerDay;
    return static_cast<int>(m < 0 ? m + kMinutesPerDay : m);
}

qint64 DemoClock::avoidRepeatedHour(qint64 localMinute)
{
    if (localMinute >= kSwitchMinute - 60 && localMinute < kSwitchMinute)
        return localMinute - 60;
    return localMinute;
}

int DemoClock::utcOffsetMinutes(qint64 localMinute)
{
    return localMinute < kSwitchMinute ? 360 : 300;
}

QString DemoClock::isoMinutes(qint64 minute)
{
    return dateOf(minute).toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ') + time(minute);
}

QString DemoClock::dottedMinutes(qint64 minute)
{
    return dottedDate(dateOf(minute)) + QLatin1Char(' ') + time(minute);
}

QString DemoClock::dottedSeconds(qint64 minute, int seconds)
{
    return dottedMinutes(minute) + QLatin1Char(':') + twoDigits(seconds);
}

QString DemoClock::dottedShortDate(qint64 minute)
{
    return dateOf(minute).toString(QStringLiteral("dd.MM.yy"));
}

QString DemoClock::isoUtc(qint64 utcMinute)
{
    return dateOf(utcMinute).toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('T') + time(utcMinute)
        + QStringLiteral(":00Z");
}

QString DemoClock::dottedDate(const QDate &date)
{
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

} // namespace fundtrace::demo
