#include "demo/Iban.h"

namespace fundtrace::demo {

int Iban::mod97(QStringView rearranged)
{
    int remainder = 0;
    for (QChar c : rearranged) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            remainder = (remainder * 10 + (u - u'0')) % 97;
        } else if (u >= u'A' && u <= u'Z') {
            const int value = u - u'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        } else {
            return -1;
        }
    }
    return remainder;
}

QString Iban::fromBban(const QString &countryCode, const QString &bban)
{
    const int remainder = mod97(QString(bban + countryCode + QStringLiteral("00")));
    const int check = 98 - remainder;
    return countryCode + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0')) + bban;
}

bool Iban::isValid(QStringView iban)
{
    if (iban.size() < 15 || iban.size() > 34)
        return false;
    const QStringView country = iban.left(2);
    for (int i = 0; i < 2; ++i) {
        if (country[i] < u'A' || country[i] > u'Z' || !iban[i + 2].isDigit())
            return false;
    }
    if ((country == u"KZ" && iban.size() != 20) || (country == u"TR" && iban.size() != 26)
        || (country == u"AE" && iban.size() != 23))
        return false;
    const QString rearranged = iban.mid(4).toString() + iban.left(4).toString();
    return mod97(rearranged) == 1;
}

} // namespace fundtrace::demo
