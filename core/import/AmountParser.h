#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fundtrace::import {

// A parsed monetary value in minor units (signed; negative for debits written as "-100" or
// "(100)"), with the currency written next to it, if any, as an ISO 4217 code ("KZT" for "₸",
// "тг", "тенге"; "RUB" for "₽", "руб"; "USD" for "$"; "EUR" for "€").
struct ParsedAmount {
    std::int64_t minor = 0;
    std::string currency; // empty when the text carried none
};

// Parses amounts as CIS and Kazakh banks export them: "1 234 567,89", "1 234 567.89" (spaces,
// NBSP U+00A0, narrow NBSP U+202F or apostrophes as thousand separators), "1,234,567.89",
// "15 000,00 KZT", "₸15000", "-500", "(500,00)", "+12.5". With DecimalMark::Auto a lone comma or
// point followed by 1-2 digits (or up to minorDigits digits) at the end is the decimal mark;
// "1,234" with exactly three digits after a single separator is read as thousands only when the
// mark was fixed to Point. Hot path: no allocation on success except the currency string.
class AmountParser {
public:
    enum class DecimalMark { Auto, Comma, Point };

    explicit AmountParser(DecimalMark mark = DecimalMark::Auto, int minorDigits = 2);

    // Returns false and sets `error` (plain English, e.g. "not a number: 'abc'",
    // "more than 2 decimal places: '1,234'") when the text is not an amount. Empty or blank
    // text is an error ("empty amount"); callers decide whether a missing value is allowed.
    bool parse(std::string_view utf8, ParsedAmount &out, std::string &error) const;

    DecimalMark decimalMark() const { return m_mark; }
    int minorDigits() const { return m_minorDigits; }

private:
    DecimalMark m_mark;
    int m_minorDigits;
};

} // namespace fundtrace::import
