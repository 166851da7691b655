#include "import/xlsx/XlsxValueText.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace fundtrace::import {
namespace {

bool toDouble(std::string_view text, double &value)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civilFromDays(long long z, long long &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool plainDecimal(std::string_view text)
{
    // Digits with at most one point and an optional sign, 15 significant digits or fewer: kept as
    // written, so integers such as identifiers never pass through a double.
    int digits = 0;
    bool point = false;
    bool leading = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '-' && i == 0)
            continue;
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
        if (c != '0' || !leading) {
            leading = false;
            ++digits;
        }
    }
    return digits <= 15 && !text.empty() && text != "-" && text != ".";
}

} // namespace

bool XlsxValueText::serialToText(std::string_view serial, bool date1904, bool timeOnly, std::string &out)
{
    double value = 0;
    if (!toDouble(serial, value) || value < 0 || value > 2958466.0)
        return false;
    // Round to the second: Excel stores times as fractions of a day with binary noise.
    auto seconds = static_cast<long long>(std::llround(value * 86400.0));
    long long days = seconds / 86400;
    const long long secondOfDay = seconds % 86400;
    char buffer[32];
    const int hh = static_cast<int>(secondOfDay / 3600);
    const int mi = static_cast<int>(secondOfDay / 60 % 60);
    const int ss = static_cast<int>(secondOfDay % 60);
    if (timeOnly && days == 0) {
        std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", hh, mi, ss);
        out.assign(buffer);
        return true;
    }
    long long year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (date1904) {
        civilFromDays(days - 24107, year, month, day); // 1904-01-01 is day -24107 of the Unix epoch
    } else if (days == 60) {
        year = 1900;
        month = 2;
        day = 29;
    } else {
        // Serials from 61 on count the phantom 1900-02-29, so the epoch is 1899-12-30 for them
        // and 1899-12-31 below.
        civilFromDays(days - (days < 60 ? 25568 : 25569), year, month, day);
    }
    if (year < 0 || year > 9999)
        return false;
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u %02d:%02d:%02d", year, month, day, hh, mi, ss);
    out.assign(buffer);
    return true;
}

void XlsxValueText::numberToText(std::string_view number, std::string &out)
{
    double value = 0;
    if (plainDecimal(number) || !toDouble(number, value)) {
        out.assign(number);
        return;
    }
    char buffer[400];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    if (text.find('e') != std::string_view::npos && std::fabs(value) < 1e21 && std::fabs(value) >= 1e-9) {
        // Re-round to 15 significant digits first, then print without an exponent.
        const double rounded = std::strtod(std::string(text).c_str(), nullptr);
        const int precision = std::fabs(rounded) >= 1 ? 0 : 15 - static_cast<int>(std::floor(std::log10(std::fabs(rounded)))) - 1;
        result = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, std::min(precision, 30));
        text = std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
        if (text.find('.') != std::string_view::npos) {
            while (text.back() == '0')
                text.remove_suffix(1);
            if (text.back() == '.')
                text.remove_suffix(1);
        }
    }
    out.assign(text);
}

} // namespace fundtrace::import
