#include "identifiers/Iban.h"

#include "identifiers/IdentifierText.h"

#include <array>

namespace fundtrace::identifiers {

namespace {

struct CountryLength {
    char16_t code[3];
    int length;
};

// SWIFT IBAN registry. Russia is deliberately absent: its accounts are 20-digit numbers, not IBANs.
// clang-format off
constexpr std::array<CountryLength, 86> kLengths { {
    { u"AD", 24 }, { u"AE", 23 }, { u"AL", 28 }, { u"AT", 20 }, { u"AZ", 28 }, { u"BA", 20 },
    { u"BE", 16 }, { u"BG", 22 }, { u"BH", 22 }, { u"BI", 27 }, { u"BR", 29 }, { u"BY", 28 },
    { u"CH", 21 }, { u"CR", 22 }, { u"CY", 28 }, { u"CZ", 24 }, { u"DE", 22 }, { u"DJ", 27 },
    { u"DK", 18 }, { u"DO", 28 }, { u"EE", 20 }, { u"EG", 29 }, { u"ES", 24 }, { u"FI", 18 },
    { u"FK", 18 }, { u"FO", 18 }, { u"FR", 27 }, { u"GB", 22 }, { u"GE", 22 }, { u"GI", 23 },
    { u"GL", 18 }, { u"GR", 27 }, { u"GT", 28 }, { u"HR", 21 }, { u"HU", 28 }, { u"IE", 22 },
    { u"IL", 23 }, { u"IQ", 23 }, { u"IS", 26 }, { u"IT", 27 }, { u"JO", 30 }, { u"KW", 30 },
    { u"KZ", 20 }, { u"LB", 28 }, { u"LC", 32 }, { u"LI", 21 }, { u"LT", 20 }, { u"LU", 20 },
    { u"LV", 21 }, { u"LY", 25 }, { u"MC", 27 }, { u"MD", 24 }, { u"ME", 22 }, { u"MK", 19 },
    { u"MN", 20 }, { u"MR", 27 }, { u"MT", 31 }, { u"MU", 30 }, { u"NI", 28 }, { u"NL", 18 },
    { u"NO", 15 }, { u"OM", 23 }, { u"PK", 24 }, { u"PL", 28 }, { u"PS", 29 }, { u"PT", 25 },
    { u"QA", 29 }, { u"RO", 24 }, { u"RS", 22 }, { u"SA", 24 }, { u"SC", 31 }, { u"SD", 18 },
    { u"SE", 24 }, { u"SI", 19 }, { u"SK", 24 }, { u"SM", 27 }, { u"SO", 23 }, { u"ST", 25 },
    { u"SV", 28 }, { u"TL", 23 }, { u"TN", 24 }, { u"TR", 26 }, { u"UA", 29 }, { u"VA", 22 },
    { u"VG", 24 }, { u"XK", 20 },
} };
// clang-format on

bool isUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

QString grouped(const QString &iban)
{
    QString out;
    for (qsizetype i = 0; i < iban.size(); i += 4) {
        if (i > 0)
            out.append(QLatin1Char(' '));
        out.append(iban.mid(i, 4));
    }
    return out;
}

} // namespace

int Iban::mod97(QStringView alphanumeric)
{
    int remainder = 0;
    for (QChar c : alphanumeric) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            remainder = (remainder * 10 + (u - u'0')) % 97;
        else if (u >= u'A' && u <= u'Z')
            remainder = (remainder * 100 + (u - u'A' + 10)) % 97;
        else
            return -1;
    }
    return remainder;
}

int Iban::checkDigits(QStringView countryCode, QStringView bban)
{
    const int remainder = mod97(bban.toString() + countryCode.toString() + QStringLiteral("00"));
    return remainder < 0 ? -1 : 98 - remainder;
}

std::optional<int> Iban::countryLength(QStringView countryCode)
{
    for (const CountryLength &entry : kLengths) {
        if (countryCode == QStringView(entry.code))
            return entry.length;
    }
    return std::nullopt;
}

Identifier Iban::parse(QStringView given)
{
    Identifier id;
    id.kind = IdentifierKind::Iban;
    id.given = given.toString();
    QString iban = IdentifierText::compact(given).toUpper();
    // "IBAN KZ86..." as printed on statements and invoices.
    if (iban.size() > 8 && iban.startsWith(QLatin1String("IBAN")) && isUpper(iban.at(4))
        && isUpper(iban.at(5)) && isDigit(iban.at(6)) && isDigit(iban.at(7)))
        iban.remove(0, 4);
    id.normalized = iban;
    id.display = grouped(iban);
    id.validity = Validity::Invalid;

    if (iban.size() < 5) {
        id.problem = QStringLiteral("IBAN is too short (%1 characters)").arg(iban.size());
        return id;
    }
    if (const QString odd = IdentifierText::firstOddCharacter(iban); !odd.isEmpty()) {
        id.problem
            = QStringLiteral("IBAN contains %1, only letters and digits are allowed").arg(odd);
        return id;
    }
    if (!isUpper(iban.at(0)) || !isUpper(iban.at(1))) {
        id.problem = QStringLiteral("IBAN must start with a two-letter country code");
        return id;
    }
    if (!isDigit(iban.at(2)) || !isDigit(iban.at(3))) {
        id.problem = QStringLiteral("IBAN characters 3-4 must be check digits");
        return id;
    }
    const QString country = iban.left(2);
    id.country = country;
    const std::optional<int> length = countryLength(country);
    if (length && iban.size() != *length) {
        id.problem = QStringLiteral("IBAN length %1, %2 IBANs have %3 characters")
                         .arg(iban.size())
                         .arg(country)
                         .arg(*length);
        return id;
    }
    if (!length && (iban.size() < 15 || iban.size() > 34)) {
        id.problem
            = QStringLiteral("IBAN length %1, IBANs have 15 to 34 characters").arg(iban.size());
        return id;
    }
    if (mod97(iban.mid(4) + iban.left(4)) != 1) {
        const int expected = checkDigits(country, QStringView(iban).mid(4));
        id.problem
            = QStringLiteral("IBAN check digits are %1, expected %2 (a character is mistyped, or "
                             "the check digits are)")
                  .arg(iban.mid(2, 2))
                  .arg(expected, 2, 10, QLatin1Char('0'));
        return id;
    }
    if (!length) {
        id.validity = Validity::Unchecked;
        id.problem = QStringLiteral(
            "%1 is not in the IBAN registry: check digits are right, length not checked")
                         .arg(country);
        return id;
    }
    id.validity = Validity::Valid;
    return id;
}

} // namespace fundtrace::identifiers
