#include "identifiers/KzTaxId.h"

#include "identifiers/IdentifierText.h"

#include <array>

namespace fundtrace::identifiers {

namespace {

int digitAt(const QString &digits, int i)
{
    return digits.at(i).unicode() - u'0';
}

int twoDigits(const QString &digits, int i)
{
    return digitAt(digits, i) * 10 + digitAt(digits, i + 1);
}

// The birth date an IIN encodes, invalid when digits 1-6 are no date in the century of digit 7.
QDate iinBirthDate(const QString &digits)
{
    const int centuryDigit = digitAt(digits, 6);
    if (centuryDigit < 1 || centuryDigit > 6)
        return {};
    const int century = 1800 + 100 * ((centuryDigit - 1) / 2);
    return QDate(century + twoDigits(digits, 0), twoDigits(digits, 2), twoDigits(digits, 4));
}

QChar firstNonDigit(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return c;
    }
    return {};
}

} // namespace

int KzTaxId::checkDigit(QStringView first11)
{
    if (first11.size() != 11 || !IdentifierText::isAsciiDigits(first11))
        return -1;
    std::array<int, 11> d {};
    for (size_t i = 0; i < d.size(); ++i)
        d[i] = first11[static_cast<qsizetype>(i)].unicode() - u'0';
    int sum = 0;
    for (size_t i = 0; i < d.size(); ++i)
        sum += d[i] * static_cast<int>(i + 1);
    int check = sum % 11;
    if (check != 10)
        return check;
    static constexpr std::array<int, 11> second = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
    sum = 0;
    for (size_t i = 0; i < d.size(); ++i)
        sum += d[i] * second[i];
    check = sum % 11;
    return check == 10 ? -1 : check;
}

Identifier KzTaxId::parse(QStringView given)
{
    Identifier id;
    id.kind = IdentifierKind::TaxId;
    id.given = given.toString();
    const QString digits = IdentifierText::compact(given);
    id.normalized = digits;
    id.display = digits;
    id.validity = Validity::Invalid;
    if (!IdentifierText::isAsciiDigits(digits)) {
        id.problem = digits.isEmpty()
            ? QStringLiteral("IIN/BIN is empty")
            : QStringLiteral("IIN/BIN may contain only digits, found '%1'")
                  .arg(firstNonDigit(digits));
        return id;
    }
    if (digits.size() != 12) {
        id.problem = QStringLiteral("IIN/BIN has %1 digits, expected 12").arg(digits.size());
        return id;
    }

    const QDate birth = iinBirthDate(digits);
    const int fifth = digitAt(digits, 4);
    QString label;
    if (birth.isValid()) {
        label = QStringLiteral("IIN");
        id.isLegalEntity = false;
        id.birthDate = birth;
        id.sex = digitAt(digits, 6) % 2 == 1 ? QLatin1Char('M') : QLatin1Char('F');
        if (birth > QDate::currentDate()) {
            id.problem = QStringLiteral("IIN birth date %1 is in the future")
                             .arg(birth.toString(Qt::ISODate));
            return id;
        }
    } else if (fifth >= 4 && fifth <= 6) {
        label = QStringLiteral("BIN");
        id.isLegalEntity = true;
        id.registration = digits.left(4);
        id.entityType = fifth;
        const int month = twoDigits(digits, 2);
        if (month < 1 || month > 12) {
            id.problem
                = QStringLiteral("BIN registration month %1 is not a month").arg(digits.mid(2, 2));
            return id;
        }
        if (digitAt(digits, 5) > 3) {
            id.problem = QStringLiteral("BIN 6th digit is %1, expected 0-3 (head office, branch, "
                                        "representative office, peasant farm)")
                             .arg(digitAt(digits, 5));
            return id;
        }
    } else {
        id.problem = QStringLiteral("neither an IIN (digits 1-6 are not a birth date with century "
                                    "digit 1-6) nor a BIN (5th digit is not 4, 5 or 6)");
        return id;
    }

    const int expected = checkDigit(QStringView(digits).left(11));
    if (expected < 0) {
        id.problem = QStringLiteral("%1 has no possible check digit: such numbers are never issued")
                         .arg(label);
        return id;
    }
    if (expected != digitAt(digits, 11)) {
        id.problem = QStringLiteral("%1 check digit is %2, expected %3")
                         .arg(label)
                         .arg(digitAt(digits, 11))
                         .arg(expected);
        return id;
    }
    id.validity = Validity::Valid;
    return id;
}

} // namespace fundtrace::identifiers
