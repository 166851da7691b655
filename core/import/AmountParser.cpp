#include "import/AmountParser.h"

#include "util/QuotedSnippet.h"

#include <algorithm>
#include <array>
#include <limits>

namespace fundtrace::import {

namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";            // U+00A0
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";   // U+2009
constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // U+2019, a "typographic" apostrophe
constexpr std::string_view kMinusSign = "\xE2\x88\x92";   // U+2212

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Length of the whitespace character (ASCII or one of the no-break spaces) at `at`, or 0.
std::size_t spaceAt(std::string_view s, std::size_t at)
{
    const std::string_view rest = s.substr(at);
    if (rest.empty())
        return 0;
    if (rest[0] == ' ' || rest[0] == '\t')
        return 1;
    if (rest.starts_with(kNbsp))
        return kNbsp.size();
    if (rest.starts_with(kNarrowNbsp) || rest.starts_with(kThinSpace))
        return 3;
    return 0;
}

std::size_t spaceBefore(std::string_view s, std::size_t end)
{
    const std::string_view head = s.substr(0, end);
    if (head.empty())
        return 0;
    if (head.back() == ' ' || head.back() == '\t')
        return 1;
    if (head.ends_with(kNbsp))
        return kNbsp.size();
    if (head.ends_with(kNarrowNbsp) || head.ends_with(kThinSpace))
        return 3;
    return 0;
}

std::string_view trim(std::string_view s)
{
    std::size_t from = 0;
    while (const std::size_t n = spaceAt(s, from))
        from += n;
    std::size_t to = s.size();
    while (to > from) {
        const std::size_t n = spaceBefore(s, to);
        if (n == 0)
            break;
        to -= n;
    }
    return s.substr(from, to - from);
}

// Thousands separators other than comma and point: spaces of all kinds and apostrophes.
std::size_t groupSeparatorAt(std::string_view s, std::size_t at)
{
    if (const std::size_t n = spaceAt(s, at))
        return n;
    if (s[at] == '\'')
        return 1;
    if (s.substr(at).starts_with(kRightQuote))
        return kRightQuote.size();
    return 0;
}

// Length of a leading '+', '-' or U+2212 and whether it is a minus; 0 when there is none.
std::size_t signAt(std::string_view s, bool &negative)
{
    if (s.starts_with('-') || s.starts_with('+')) {
        negative = s[0] == '-';
        return 1;
    }
    if (s.starts_with(kMinusSign)) {
        negative = true;
        return kMinusSign.size();
    }
    return 0;
}

std::size_t signBefore(std::string_view s, bool &negative)
{
    if (s.ends_with('-') || s.ends_with('+')) {
        negative = s.back() == '-';
        return 1;
    }
    if (s.ends_with(kMinusSign)) {
        negative = true;
        return kMinusSign.size();
    }
    return 0;
}

// A byte that can belong to a currency word or symbol written next to the number.
bool isCurrencyByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80)
        return true; // part of ₸, ₽, тг, ... (no-break spaces and U+2212 are checked first)
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$' || c == '.';
}

bool startsWithSpaceOrMinus(std::string_view s)
{
    bool ignored;
    return spaceAt(s, 0) != 0 || s.starts_with(kMinusSign) || signAt(s, ignored) != 0;
}

std::size_t currencyPrefixLength(std::string_view s)
{
    std::size_t n = 0;
    while (n < s.size() && isCurrencyByte(s[n]) && !startsWithSpaceOrMinus(s.substr(n)))
        ++n;
    return n;
}

std::size_t currencySuffixLength(std::string_view s)
{
    std::size_t n = 0;
    while (n < s.size()) {
        const std::size_t end = s.size() - n;
        bool ignored;
        if (!isCurrencyByte(s[end - 1]) || spaceBefore(s, end) != 0
            || signBefore(s.substr(0, end), ignored) != 0)
            break;
        ++n;
    }
    return n;
}

// Lower-cases ASCII and Cyrillic А-Я/Ё in UTF-8, byte pair by byte pair, for matching words.
bool equalsIgnoringCase(std::string_view text, std::string_view lowerWord)
{
    if (text.size() != lowerWord.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<unsigned char>(c + 32);
        } else if (c == 0xD0 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            unsigned char lead = 0xD0;
            unsigned char trail = next;
            if (next >= 0x90 && next <= 0x9F) { // А-П
                trail = static_cast<unsigned char>(next + 0x20);
            } else if (next >= 0xA0 && next <= 0xAF) { // Р-Я
                lead = 0xD1;
                trail = static_cast<unsigned char>(next - 0x20);
            } else if (next == 0x81) { // Ё
                lead = 0xD1;
                trail = 0x91;
            }
            if (static_cast<unsigned char>(lowerWord[i]) != lead
                || static_cast<unsigned char>(lowerWord[i + 1]) != trail)
                return false;
            ++i;
            continue;
        }
        if (c != static_cast<unsigned char>(lowerWord[i]))
            return false;
    }
    return true;
}

struct CurrencyWord {
    std::string_view word; // lower case
    std::string_view code;
};

constexpr std::array<CurrencyWord, 20> kCurrencyWords = { {
    { "\xE2\x82\xB8", "KZT" },                  // ₸
    { "тг", "KZT" },
    { "тг.", "KZT" },
    { "тенге", "KZT" },
    { "\xE2\x82\xBD", "RUB" },                  // ₽
    { "руб", "RUB" },
    { "руб.", "RUB" },
    { "р.", "RUB" },
    { "rur", "RUB" },                           // the pre-1998 code, still in old exports
    { "$", "USD" },
    { "us$", "USD" },
    { "\xE2\x82\xAC", "EUR" },                  // €
    { "\xC2\xA3", "GBP" },                      // £
    { "\xE2\x82\xBA", "TRY" },                  // ₺
    { "сом", "KGS" },
    { "сум", "UZS" },
    { "сомони", "TJS" },
    { "\xE2\x82\xBD.", "RUB" },
    { "долл.", "USD" },
    { "евро", "EUR" },
} };

// The ISO code for a currency word or symbol; empty when it is not one.
std::string_view currencyCode(std::string_view word)
{
    if (word.size() == 3
        && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return word == "RUR" ? std::string_view("RUB") : word;
    for (const CurrencyWord &entry : kCurrencyWords) {
        if (equalsIgnoringCase(word, entry.word))
            return entry.code;
    }
    return {};
}

constexpr std::array<std::uint64_t, 19> kPowersOf10 = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
};


std::string decimalPlaces(int digits)
{
    return "more than " + std::to_string(digits)
        + (digits == 1 ? " decimal place: " : " decimal places: ");
}

enum class Separator { None, Group, Comma, Point };

} // namespace

AmountParser::AmountParser(DecimalMark mark, int minorDigits)
    : m_mark(mark)
    , m_minorDigits(std::clamp(minorDigits, 0, 18))
{
}

bool AmountParser::parse(std::string_view utf8, ParsedAmount &out, std::string &error) const
{
    const auto notANumber = [&] {
        error = "not a number: " + util::quotedSnippet(utf8);
        return false;
    };

    std::string_view text = trim(utf8);
    if (text.empty()) {
        error = "empty amount";
        return false;
    }

    bool negative = false;
    bool hasSign = false;
    bool parenthesised = false;
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
        parenthesised = true;
        text = trim(text.substr(1, text.size() - 2));
    }
    if (const std::size_t n = signAt(text, negative)) {
        hasSign = true;
        text = trim(text.substr(n));
    }
    std::string_view currency;
    if (const std::size_t n = currencyPrefixLength(text)) {
        currency = currencyCode(text.substr(0, n));
        if (currency.empty())
            return notANumber();
        text = trim(text.substr(n));
        if (!hasSign) {
            if (const std::size_t s = signAt(text, negative)) {
                hasSign = true;
                text = trim(text.substr(s));
            }
        }
    }
    if (const std::size_t n = currencySuffixLength(text)) {
        const std::string_view code = currencyCode(text.substr(text.size() - n));
        if (code.empty())
            return notANumber();
        if (!currency.empty() && currency != code) {
            error = "two different currencies: " + util::quotedSnippet(utf8);
            return false;
        }
        currency = code;
        text = trim(text.substr(0, text.size() - n));
    }
    if (!hasSign) {
        // SAP-style trailing minus: "1 500,00-".
        if (const std::size_t n = signBefore(text, negative)) {
            hasSign = true;
            text = trim(text.substr(0, text.size() - n));
        }
    }
    if (parenthesised) {
        if (hasSign)
            return notANumber();
        negative = true;
    }
    if (text.empty())
        return notANumber();

    // One pass over digits and separators; which separator is the decimal mark is decided at the
    // end, when it is known which kinds occurred and how long the last digit group is.
    std::uint64_t mantissa = 0;
    bool overflow = false;
    int groupLength = 0;
    int firstGroupLength = 0;
    bool badInnerGroup = false; // a group between two separators without exactly three digits
    Separator last = Separator::None;
    int commas = 0;
    int points = 0;
    int separators = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (isDigit(c)) {
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (mantissa > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
                overflow = true;
            else
                mantissa = mantissa * 10 + digit;
            ++groupLength;
            ++i;
            continue;
        }
        Separator kind;
        std::size_t length = 1;
        if (c == ',') {
            kind = Separator::Comma;
            ++commas;
        } else if (c == '.') {
            kind = Separator::Point;
            ++points;
        } else if ((length = groupSeparatorAt(text, i)) != 0) {
            kind = Separator::Group;
        } else {
            return notANumber();
        }
        if (groupLength == 0)
            return notANumber(); // leading separator or two in a row
        if (last == Separator::None)
            firstGroupLength = groupLength;
        else if (groupLength != 3)
            badInnerGroup = true;
        last = kind;
        ++separators;
        groupLength = 0;
        i += length;
    }
    if (groupLength == 0)
        return notANumber(); // trailing separator
    if (last == Separator::None)
        firstGroupLength = groupLength;

    bool lastIsDecimal = false;
    const int lastCount = last == Separator::Comma ? commas : last == Separator::Point ? points : 0;
    const int otherCount = last == Separator::Comma ? points
        : last == Separator::Point                  ? commas
                                                    : 0;
    switch (m_mark) {
    case DecimalMark::Auto:
        if (lastCount == 1) {
            if (otherCount == 0 && groupLength > std::max(2, m_minorDigits)) {
                error = decimalPlaces(m_minorDigits) + util::quotedSnippet(utf8);
                return false;
            }
            lastIsDecimal = true;
        } else if (lastCount > 1 && otherCount > 0) {
            error = "misplaced thousands separator: " + util::quotedSnippet(utf8);
            return false;
        }
        break;
    case DecimalMark::Comma:
    case DecimalMark::Point: {
        const Separator decimal
            = m_mark == DecimalMark::Comma ? Separator::Comma : Separator::Point;
        const int decimals = m_mark == DecimalMark::Comma ? commas : points;
        if (decimals > 1 || (decimals == 1 && last != decimal)) {
            error = "misplaced thousands separator: " + util::quotedSnippet(utf8);
            return false;
        }
        lastIsDecimal = decimals == 1;
        break;
    }
    }

    const int thousands = separators - (lastIsDecimal ? 1 : 0);
    if (thousands > 0
        && (firstGroupLength > 3 || badInnerGroup || (!lastIsDecimal && groupLength != 3))) {
        error = "misplaced thousands separator: " + util::quotedSnippet(utf8);
        return false;
    }

    const int fraction = lastIsDecimal ? groupLength : 0;
    if (overflow) {
        error = "amount too large: " + util::quotedSnippet(utf8);
        return false;
    }
    if (fraction > m_minorDigits) {
        // "1 500,00" is still a whole amount in a currency without minor units.
        const int extra = fraction - m_minorDigits;
        const std::uint64_t divisor
            = extra < int(kPowersOf10.size()) ? kPowersOf10[std::size_t(extra)] : 0;
        if (divisor == 0 || mantissa % divisor != 0) {
            error = decimalPlaces(m_minorDigits) + util::quotedSnippet(utf8);
            return false;
        }
        mantissa /= divisor;
    } else {
        const std::uint64_t factor = kPowersOf10[std::size_t(m_minorDigits - fraction)];
        if (mantissa > std::numeric_limits<std::uint64_t>::max() / factor) {
            error = "amount too large: " + util::quotedSnippet(utf8);
            return false;
        }
        mantissa *= factor;
    }
    const std::uint64_t limit = negative
        ? std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1
        : std::uint64_t(std::numeric_limits<std::int64_t>::max());
    if (mantissa > limit) {
        error = "amount too large: " + util::quotedSnippet(utf8);
        return false;
    }

    out.minor
        = negative ? static_cast<std::int64_t>(0 - mantissa) : static_cast<std::int64_t>(mantissa);
    out.currency.assign(currency.data(), currency.size());
    return true;
}

} // namespace fundtrace::import
