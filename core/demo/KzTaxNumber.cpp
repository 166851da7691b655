#include "demo/KzTaxNumber.h"

#include <array>

namespace fundtrace::demo {

int KzTaxNumber::checkDigit(QStringView first11)
{
    if (first11.size() != 11)
        return -1;
    std::array<int, 11> d {};
    for (int i = 0; i < 11; ++i) {
        const char16_t u = first11[i].unicode();
        if (u < u'0' || u > u'9')
            return -1;
        d[static_cast<size_t>(i)] = u - u'0';
    }
    int sum = 0;
    for (int i = 0; i < 11; ++i)
        sum += d[static_cast<size_t>(i)] * (i + 1);
    int check = sum % 11;
    if (check != 10)
        return check;
    static constexpr std::array<int, 11> second = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
    sum = 0;
    for (size_t i = 0; i < 11; ++i)
        sum += d[i] * second[i];
    check = sum % 11;
    return check == 10 ? -1 : check;
}

bool KzTaxNumber::isValid(QStringView number)
{
    if (number.size() != 12 || !number[11].isDigit())
        return false;
    const int check = checkDigit(number.left(11));
    return check >= 0 && check == number[11].unicode() - u'0';
}

QString KzTaxNumber::iin(const QDate &birthDate, bool male, int serial)
{
    const int century = birthDate.year() < 2000 ? 3 : 5;
    const QString first11 = birthDate.toString(QStringLiteral("yyMMdd"))
        + QString::number(century + (male ? 0 : 1))
        + QStringLiteral("%1").arg(serial % 10000, 4, 10, QLatin1Char('0'));
    const int check = checkDigit(first11);
    return check < 0 ? QString() : first11 + QString::number(check);
}

QString KzTaxNumber::bin(int year, int month, int serial)
{
    const QString first11 = QStringLiteral("%1%2").arg(year % 100, 2, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'))
        + QStringLiteral("40") + QStringLiteral("%1").arg(serial % 100000, 5, 10, QLatin1Char('0'));
    const int check = checkDigit(first11);
    return check < 0 ? QString() : first11 + QString::number(check);
}

} // namespace fundtrace::demo
