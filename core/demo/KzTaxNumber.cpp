#include "demo/KzTaxNumber.h"

#include "identifiers/KzTaxId.h"

namespace fundtrace::demo {

int KzTaxNumber::checkDigit(QStringView first11)
{
    return identifiers::KzTaxId::checkDigit(first11);
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
