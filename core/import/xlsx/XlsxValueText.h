#pragma once

#include <string>
#include <string_view>

namespace fundtrace::import {

// Turns the raw <v> text of numeric cells into the text the amount and date parsers read.
struct XlsxValueText {
    // A serial day number as "yyyy-MM-dd HH:mm:ss" (or "HH:mm:ss" for a time of day below 1).
    // 1900 system: serial 1 = 1900-01-01 and serial 60 is Lotus 1-2-3's 1900-02-29, which did not
    // exist and is written as such so the date parser rejects it; date1904: serial 0 = 1904-01-01.
    // False when the text is not a number or lies outside 0000-9999.
    static bool serialToText(std::string_view serial, bool date1904, bool timeOnly, std::string &out);

    // A number as Excel shows it: at most 15 significant digits, no exponent where avoidable
    // (so 1234.5599999999999 becomes "1234.56"). Non-numeric text is copied unchanged.
    static void numberToText(std::string_view number, std::string &out);
};

} // namespace fundtrace::import
