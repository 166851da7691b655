#include "import/DateTimeParser.h"

#include "util/QuotedSnippet.h"

#include <QDateTime>

#include <array>

namespace fundtrace::import {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kUnixEpochJulianDay = 2440588;
// Marks a local day on which the zone changes its offset; such days take the exact (slow) path.
constexpr int kTransitionDay = INT32_MIN;
// The cache holds one entry per distinct date in the file; this only guards against junk input.
constexpr std::size_t kMaxCachedDays = 200000;

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
constexpr std::int64_t daysFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return std::int64_t(era) * 146097 + dayOfEra - 719468;
}
static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2024, 3, 1) == 19783);

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeapYear(year) ? 29 : days[std::size_t(month - 1)];
}

constexpr std::array<const char *, 12> kMonthNames = { "January", "February", "March", "April",
                                                       "May", "June", "July", "August",
                                                       "September", "October", "November",
                                                       "December" };

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Reads between minDigits and maxDigits digits at `at`, greedily.
bool readNumber(std::string_view s, std::size_t &at, int minDigits, int maxDigits, int &value)
{
    int count = 0;
    value = 0;
    while (at < s.size() && count < maxDigits && isDigit(s[at])) {
        value = value * 10 + (s[at] - '0');
        ++at;
        ++count;
    }
    return count >= minDigits;
}

std::size_t digitRun(std::string_view s, std::size_t at)
{
    std::size_t n = 0;
    while (at + n < s.size() && isDigit(s[at + n]))
        ++n;
    return n;
}

int fullYear(int twoDigitYear)
{
    return twoDigitYear < 70 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
}


std::string withReason(std::string message, const std::string &reason)
{
    if (!reason.empty())
        message += " (" + reason + ")";
    return message;
}

} // namespace

struct DateTimeParser::Parts {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool hasTime = false;
    bool hasZone = false;
    int zoneOffset = 0; // seconds east of UTC

    int secondsOfDay() const { return hour * 3600 + minute * 60 + second; }
};

namespace {

// "HH:mm", "HH:mm:ss", "HH:mm:ss.fff" (the fraction is dropped).
template<typename Parts>
bool readTime(std::string_view s, std::size_t &at, Parts &parts)
{
    if (!readNumber(s, at, 1, 2, parts.hour) || at >= s.size() || s[at] != ':')
        return false;
    ++at;
    if (!readNumber(s, at, 2, 2, parts.minute))
        return false;
    parts.second = 0;
    if (at < s.size() && s[at] == ':') {
        ++at;
        if (!readNumber(s, at, 2, 2, parts.second))
            return false;
        if (at < s.size() && (s[at] == '.' || s[at] == ',') && digitRun(s, at + 1) > 0)
            at += 1 + digitRun(s, at + 1);
    }
    parts.hasTime = true;
    return true;
}

// "Z", "+05:00", "+0500", "+05" after an ISO time.
template<typename Parts>
bool readZone(std::string_view s, std::size_t &at, Parts &parts)
{
    if (s[at] == 'Z' || s[at] == 'z') {
        ++at;
        parts.hasZone = true;
        parts.zoneOffset = 0;
        return true;
    }
    if (s[at] != '+' && s[at] != '-')
        return false;
    const int sign = s[at] == '-' ? -1 : 1;
    ++at;
    int hours = 0;
    int minutes = 0;
    if (!readNumber(s, at, 2, 2, hours))
        return false;
    if (at < s.size() && s[at] == ':')
        ++at;
    if (at < s.size() && !readNumber(s, at, 2, 2, minutes))
        return false;
    if (hours > 14 || minutes > 59)
        return false;
    parts.hasZone = true;
    parts.zoneOffset = sign * (hours * 3600 + minutes * 60);
    return true;
}

// The Auto formats; syntax only, the calendar is checked afterwards.
template<typename Parts>
bool readAuto(std::string_view s, Parts &parts)
{
    std::size_t at = 0;
    const std::size_t first = digitRun(s, 0);
    if (first == 8) { // yyyyMMdd
        readNumber(s, at, 4, 4, parts.year);
        readNumber(s, at, 2, 2, parts.month);
        readNumber(s, at, 2, 2, parts.day);
    } else if (first == 4) {
        readNumber(s, at, 4, 4, parts.year);
        const char separator = at < s.size() ? s[at] : '\0';
        if (separator != '-' && separator != '/' && separator != '.')
            return false;
        ++at;
        if (!readNumber(s, at, 1, 2, parts.month) || at >= s.size() || s[at] != separator)
            return false;
        ++at;
        if (!readNumber(s, at, 1, 2, parts.day))
            return false;
    } else if (first == 1 || first == 2) {
        readNumber(s, at, 1, 2, parts.day);
        const char separator = at < s.size() ? s[at] : '\0';
        if (separator != '.' && separator != '/' && separator != '-')
            return false;
        ++at;
        if (!readNumber(s, at, 1, 2, parts.month) || at >= s.size() || s[at] != separator)
            return false;
        ++at;
        const std::size_t yearDigits = digitRun(s, at);
        if (yearDigits == 4) {
            readNumber(s, at, 4, 4, parts.year);
        } else if (yearDigits == 2) {
            readNumber(s, at, 2, 2, parts.year);
            parts.year = fullYear(parts.year);
        } else {
            return false;
        }
    } else {
        return false;
    }
    if (at == s.size())
        return true;

    if (s[at] == 'T' || s[at] == 't') {
        ++at;
    } else if (isSpace(s[at])) {
        while (at < s.size() && isSpace(s[at]))
            ++at;
    } else {
        return false;
    }
    if (!readTime(s, at, parts))
        return false;
    while (at < s.size() && isSpace(s[at]))
        ++at;
    if (at < s.size() && !readZone(s, at, parts))
        return false;
    return at == s.size();
}

// Why a syntactically fine date is not a real one; empty when it is.
template<typename Parts>
std::string calendarProblem(const Parts &parts)
{
    if (parts.year < 1 || parts.year > 9999)
        return "year " + std::to_string(parts.year) + " is out of range";
    if (parts.month < 1 || parts.month > 12)
        return "there is no month " + std::to_string(parts.month);
    const int days = daysInMonth(parts.year, parts.month);
    if (parts.day < 1 || parts.day > days) {
        return std::string(kMonthNames[std::size_t(parts.month - 1)]) + " "
            + std::to_string(parts.year) + " has " + std::to_string(days) + " days";
    }
    if (parts.hour > 23 || parts.minute > 59 || parts.second > 59)
        return "there is no time " + std::to_string(parts.hour) + ":"
            + (parts.minute < 10 ? "0" : "") + std::to_string(parts.minute);
    return {};
}

} // namespace

DateTimeParser::DateTimeParser(const QTimeZone &zone, const QString &pattern)
    : m_zone(zone)
    , m_pattern(pattern.trimmed())
{
    if (!m_pattern.isEmpty())
        m_tokens = compilePattern(m_pattern);
}

// Splits a Qt date-time pattern into numeric fields and literals, or returns nothing when it
// uses anything else (names, AM/PM, zones) or lacks a day, month or year.
std::vector<DateTimeParser::PatternToken> DateTimeParser::compilePattern(const QString &pattern)
{
    std::vector<PatternToken> tokens;
    bool day = false;
    bool month = false;
    bool year = false;
    const QByteArray text = pattern.toUtf8();
    for (qsizetype i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\'') {
            const qsizetype close = text.indexOf('\'', i + 1);
            if (close < 0)
                return {};
            if (close == i + 1)
                tokens.push_back({ 0, '\'', 0, 0 });
            for (qsizetype k = i + 1; k < close; ++k)
                tokens.push_back({ 0, text[k], 0, 0 });
            i = close + 1;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            tokens.push_back({ 0, c, 0, 0 });
            ++i;
            continue;
        }
        qsizetype run = 1;
        while (i + run < text.size() && text[i + run] == c)
            ++run;
        i += run;
        PatternToken token { c == 'h' ? 'H' : c, 0, 0, 0 };
        switch (c) {
        case 'd':
        case 'M':
        case 'H':
        case 'h':
        case 'm':
        case 's':
            if (run > 2)
                return {};
            token.minDigits = int(run);
            token.maxDigits = 2;
            day |= c == 'd';
            month |= c == 'M';
            break;
        case 'y':
            if (run != 2 && run != 4)
                return {};
            token.minDigits = token.maxDigits = int(run);
            year = true;
            break;
        case 'z':
            if (run != 1 && run != 3)
                return {};
            token.minDigits = int(run);
            token.maxDigits = 3;
            break;
        default:
            return {};
        }
        tokens.push_back(token);
    }
    if (!day || !month || !year)
        return {};
    return tokens;
}

bool DateTimeParser::parseWithQt(std::string_view text, Parts &parts) const
{
    const QDateTime parsed = QDateTime::fromString(
        QString::fromUtf8(text.data(), qsizetype(text.size())), m_pattern);
    if (!parsed.isValid())
        return false;
    const QDate date = parsed.date();
    const QTime time = parsed.time();
    parts.year = date.year();
    // Qt 6.4 reads "yy" as 19yy; keep the documented 1970-2069 window.
    if (m_pattern.contains(QLatin1String("yy")) && !m_pattern.contains(QLatin1String("yyyy"))
        && parts.year < 1970)
        parts.year += 100;
    parts.month = date.month();
    parts.day = date.day();
    parts.hour = time.hour();
    parts.minute = time.minute();
    parts.second = time.second();
    parts.hasTime = time.msecsSinceStartOfDay() != 0;
    if (parsed.timeSpec() != Qt::LocalTime) {
        parts.hasZone = true;
        parts.zoneOffset = parsed.offsetFromUtc();
    }
    return true;
}

bool DateTimeParser::parseParts(std::string_view text, Parts &parts, std::string &error) const
{
    const std::string_view s = trim(text);
    if (s.empty()) {
        error = "empty date";
        return false;
    }
    bool ok = true;
    if (m_pattern.isEmpty()) {
        ok = readAuto(s, parts);
    } else if (m_tokens.empty()) {
        ok = parseWithQt(s, parts);
    } else {
        std::size_t at = 0;
        for (const PatternToken &token : m_tokens) {
            if (token.field == 0) {
                ok = at < s.size() && s[at] == token.literal;
                ++at;
            } else {
                int value = 0;
                ok = readNumber(s, at, token.minDigits, token.maxDigits, value);
                switch (token.field) {
                case 'd':
                    parts.day = value;
                    break;
                case 'M':
                    parts.month = value;
                    break;
                case 'y':
                    parts.year = token.maxDigits == 2 ? fullYear(value) : value;
                    break;
                case 'H':
                    parts.hour = value;
                    parts.hasTime = true;
                    break;
                case 'm':
                    parts.minute = value;
                    break;
                case 's':
                    parts.second = value;
                    break;
                default:
                    break; // milliseconds are dropped
                }
            }
            if (!ok)
                break;
        }
        ok = ok && at == s.size();
    }
    if (!ok) {
        error = "not a date: " + util::quotedSnippet(s);
        if (!m_pattern.isEmpty())
            error += " (expected " + m_pattern.toStdString() + ")";
        return false;
    }
    if (const std::string problem = calendarProblem(parts); !problem.empty()) {
        error = withReason("not a date: " + util::quotedSnippet(s), problem);
        return false;
    }
    return true;
}

bool DateTimeParser::toUtc(const Parts &parts, std::int64_t &utcSeconds, std::string &error)
{
    if (parts.hasZone) {
        utcSeconds = daysFromCivil(parts.year, parts.month, parts.day) * kSecondsPerDay
            + parts.secondsOfDay() - parts.zoneOffset;
        return true;
    }
    if (!m_zone.isValid()) {
        error = "unknown time zone '" + m_zone.id().toStdString() + "'";
        return false;
    }
    utcSeconds = localToUtc(parts.year, parts.month, parts.day, parts.secondsOfDay());
    return true;
}

bool DateTimeParser::parse(std::string_view utf8, std::int64_t &utcSeconds, std::string &error)
{
    Parts parts;
    return parseParts(utf8, parts, error) && toUtc(parts, utcSeconds, error);
}

bool DateTimeParser::parse(std::string_view dateUtf8, std::string_view timeUtf8,
                           std::int64_t &utcSeconds, std::string &error)
{
    const std::string_view time = trim(timeUtf8);
    if (time.empty())
        return parse(dateUtf8, utcSeconds, error);
    Parts parts;
    if (!parseParts(dateUtf8, parts, error))
        return false;
    // Some banks put "05.03.2024 00:00:00" in the date column next to the real time.
    if (parts.hasTime && parts.secondsOfDay() != 0) {
        error = "both the date " + util::quotedSnippet(trim(dateUtf8)) + " and the time " + util::quotedSnippet(time)
            + " carry a time of day";
        return false;
    }
    Parts clock;
    std::size_t at = 0;
    if (!readTime(time, at, clock) || at != time.size() || clock.hour > 23 || clock.minute > 59
        || clock.second > 59) {
        error = "not a time: " + util::quotedSnippet(time);
        return false;
    }
    parts.hour = clock.hour;
    parts.minute = clock.minute;
    parts.second = clock.second;
    parts.hasTime = true;
    return toUtc(parts, utcSeconds, error);
}

int DateTimeParser::offsetForLocalDay(std::int64_t daysSinceEpoch)
{
    const std::int64_t julianDay = daysSinceEpoch + kUnixEpochJulianDay;
    if (const auto found = m_offsetByLocalDay.find(julianDay); found != m_offsetByLocalDay.end())
        return found->second;

    const std::int64_t localMidnight = daysSinceEpoch * kSecondsPerDay;
    int offset;
    // Zone offsets stay within a day of UTC, so if no transition falls in the three UTC days
    // around this local day, every instant of the day has the same offset.
    const QTimeZone::OffsetData next = m_zone.hasTransitions()
        ? m_zone.nextTransition(
            QDateTime::fromSecsSinceEpoch(localMidnight - kSecondsPerDay, Qt::UTC))
        : QTimeZone::OffsetData();
    if (next.atUtc.isValid() && next.atUtc.toSecsSinceEpoch() < localMidnight + 2 * kSecondsPerDay)
        offset = kTransitionDay;
    else
        offset = m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(localMidnight, Qt::UTC));

    if (m_offsetByLocalDay.size() >= kMaxCachedDays)
        m_offsetByLocalDay.clear();
    m_offsetByLocalDay.emplace(julianDay, offset);
    return offset;
}

std::int64_t DateTimeParser::localToUtc(int year, int month, int day, int secondsOfDay)
{
    const std::int64_t days = daysFromCivil(year, month, day);
    if (days != m_lastDay) {
        m_lastOffset = offsetForLocalDay(days);
        m_lastDay = days;
    }
    if (m_lastOffset == kTransitionDay) {
        const QDateTime exact(
            QDate(year, month, day), QTime::fromMSecsSinceStartOfDay(secondsOfDay * 1000), m_zone);
        return exact.toSecsSinceEpoch();
    }
    return days * kSecondsPerDay + secondsOfDay - m_lastOffset;
}

} // namespace fundtrace::import
