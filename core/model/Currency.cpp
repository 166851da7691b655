#include "model/Currency.h"

#include <QLocale>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace fundtrace::model {

namespace {

struct CurrencyInfo {
    std::string_view code;
    int minorDigits;
};

// ISO 4217 codes seen in CIS, Central Asian, Gulf and correspondent-bank traffic, sorted by code
// for binary search. Minor digits as published by the ISO 4217 maintenance agency.
// clang-format off
constexpr std::array<CurrencyInfo, 78> kCurrencies = { {
    { "AED", 2 }, { "AFN", 2 }, { "AMD", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "AZN", 2 },
    { "BDT", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BRL", 2 }, { "BYN", 2 }, { "CAD", 2 },
    { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "CZK", 2 }, { "DJF", 0 },
    { "DKK", 2 }, { "DZD", 2 }, { "EGP", 2 }, { "ETB", 2 }, { "EUR", 2 }, { "GBP", 2 },
    { "GEL", 2 }, { "GNF", 0 }, { "HKD", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 },
    { "INR", 2 }, { "IQD", 3 }, { "IRR", 2 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
    { "KES", 2 }, { "KGS", 2 }, { "KRW", 0 }, { "KWD", 3 }, { "KZT", 2 }, { "LBP", 2 },
    { "LYD", 3 }, { "MAD", 2 }, { "MDL", 2 }, { "MNT", 2 }, { "MXN", 2 }, { "MYR", 2 },
    { "NGN", 2 }, { "NOK", 2 }, { "NZD", 2 }, { "OMR", 3 }, { "PHP", 2 }, { "PKR", 2 },
    { "PLN", 2 }, { "QAR", 2 }, { "RON", 2 }, { "RSD", 2 }, { "RUB", 2 }, { "SAR", 2 },
    { "SDG", 2 }, { "SEK", 2 }, { "SGD", 2 }, { "SOS", 2 }, { "SYP", 2 }, { "THB", 2 },
    { "TJS", 2 }, { "TMT", 2 }, { "TND", 3 }, { "TRY", 2 }, { "UAH", 2 }, { "UGX", 0 },
    { "USD", 2 }, { "UZS", 2 }, { "VND", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "YER", 2 },
} };
// clang-format on

constexpr bool isSorted()
{
    for (std::size_t i = 1; i < kCurrencies.size(); ++i) {
        if (!(kCurrencies[i - 1].code < kCurrencies[i].code))
            return false;
    }
    return true;
}
static_assert(isSorted(), "kCurrencies must stay sorted for binary search");

const CurrencyInfo *find(std::string_view isoCode)
{
    if (isoCode.size() != 3)
        return nullptr;
    // Codes are upper case by definition; accept "kzt" typed by hand as well.
    char upper[3];
    for (std::size_t i = 0; i < 3; ++i) {
        const char c = isoCode[i];
        upper[i] = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    }
    const std::string_view key(upper, 3);
    const auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), key,
                                     [](const CurrencyInfo &info, std::string_view code) {
                                         return info.code < code;
                                     });
    return it != kCurrencies.end() && it->code == key ? &*it : nullptr;
}

constexpr std::array<std::uint64_t, 4> kScale = { 1, 10, 100, 1000 };

} // namespace

int minorDigits(std::string_view isoCode)
{
    const CurrencyInfo *info = find(isoCode);
    return info ? info->minorDigits : 2;
}

bool isKnownCurrency(std::string_view isoCode)
{
    return find(isoCode) != nullptr;
}

QString formatAmount(std::int64_t minor, std::string_view isoCode, AmountStyle style,
                     bool withCode)
{
    const int digits = minorDigits(isoCode);
    const std::uint64_t scale = kScale[std::size_t(digits)];
    // Unsigned magnitude so that INT64_MIN formats too.
    const std::uint64_t magnitude = minor < 0 ? 0 - std::uint64_t(minor) : std::uint64_t(minor);
    const std::uint64_t major = magnitude / scale;
    const std::uint64_t fraction = magnitude % scale;

    const QChar groupSeparator = style == AmountStyle::Cis ? u' ' : u',';
    const QChar decimalMark = style == AmountStyle::Cis ? u',' : u'.';

    const QString majorDigits = QString::number(major);
    QString result;
    result.reserve(majorDigits.size() * 4 / 3 + digits + 8);
    if (minor < 0)
        result += u'-';
    for (qsizetype i = 0; i < majorDigits.size(); ++i) {
        if (i > 0 && (majorDigits.size() - i) % 3 == 0)
            result += groupSeparator;
        result += majorDigits[i];
    }
    if (digits > 0) {
        result += decimalMark;
        result += QString::number(fraction).rightJustified(digits, u'0');
    }
    if (withCode && !isoCode.empty()) {
        result += u' ';
        result += QString::fromLatin1(isoCode.data(), qsizetype(isoCode.size()));
    }
    return result;
}

double toMajor(std::int64_t minor, std::string_view isoCode)
{
    return double(minor) / double(kScale[std::size_t(minorDigits(isoCode))]);
}

QString shortAmount(double major)
{
    const double value = std::abs(major);
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // group thousands
    auto scaled = [&](double unit, const char *suffix) {
        const double v = value / unit;
        const bool whole = std::abs(v - std::round(v)) < 1e-6 || v >= 100;
        return c.toString(v, 'f', whole ? 0 : 1) + QLatin1String(suffix);
    };
    if (value >= 1e9)
        return scaled(1e9, " bn");
    if (value >= 1e6)
        return scaled(1e6, " M");
    if (value >= 1e4)
        return scaled(1e3, " k");
    QString text = c.toString(value, 'f', value < 10 && value != std::round(value) ? 1 : 0);
    if (value >= 1000)
        text.replace(QLatin1Char(','), QChar(0x202f));
    return text;
}

} // namespace fundtrace::model
