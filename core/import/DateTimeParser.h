#pragma once

#include <QByteArray>
#include <QTimeZone>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fundtrace::import {

// Turns the date and time texts of bank exports into UTC Unix seconds.
// Recognised (Auto): dd.MM.yyyy, dd.MM.yy, dd/MM/yyyy, dd-MM-yyyy, yyyy-MM-dd, yyyy/MM/dd,
// each optionally followed by " HH:mm" or " HH:mm:ss" (or "T" for ISO), and ISO 8601 with a zone
// ("2024-03-05T10:15:00Z", "+05:00", "+0500"), which is honoured; naive times are local to the
// configured zone (default Asia/Almaty). Two-digit years are 2000-2069 / 1970-1999.
// An explicit pattern uses Qt's QDateTime format letters (e.g. "dd.MM.yyyy HH:mm").
// Fast: parses digits by hand and caches the zone offset per local day; not thread-safe.
class DateTimeParser {
public:
    explicit DateTimeParser(const QTimeZone &zone = QTimeZone(QByteArrayLiteral("Asia/Almaty")),
                            const QString &pattern = {});

    // Parses a date or date-time. Returns false with a plain-English error otherwise
    // (e.g. "not a date: '31.02.2024'").
    bool parse(std::string_view utf8, std::int64_t &utcSeconds, std::string &error);
    // Parses a date and a separate time-of-day column ("14:05", "14:05:33"); empty time = 00:00.
    bool parse(std::string_view dateUtf8, std::string_view timeUtf8, std::int64_t &utcSeconds,
               std::string &error);

    const QTimeZone &zone() const { return m_zone; }

private:
    // One element of a pattern made only of numeric fields and literals, which is parsed by hand;
    // any other pattern (month names, AM/PM, zones) goes through QDateTime::fromString.
    struct PatternToken {
        char field = 0;     // d M y H m s z, or 0 for the literal character
        char literal = 0;
        int minDigits = 0;
        int maxDigits = 0;
    };
    struct Parts;

    static std::vector<PatternToken> compilePattern(const QString &pattern);
    bool parseParts(std::string_view text, Parts &parts, std::string &error) const;
    bool parseWithQt(std::string_view text, Parts &parts) const;
    bool toUtc(const Parts &parts, std::int64_t &utcSeconds, std::string &error);
    int offsetForLocalDay(std::int64_t daysSinceEpoch);
    std::int64_t localToUtc(int year, int month, int day, int secondsOfDay);

    QTimeZone m_zone;
    QString m_pattern;
    std::vector<PatternToken> m_tokens; // empty: Auto, or a pattern only Qt can parse
    std::unordered_map<std::int64_t, int> m_offsetByLocalDay; // julian day -> offset seconds
    std::int64_t m_lastDay = INT64_MIN; // the last day looked up, which rows repeat in runs
    int m_lastOffset = 0;
};

} // namespace fundtrace::import
