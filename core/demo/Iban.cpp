#include "demo/Iban.h"

#include "identifiers/Iban.h"

#include <optional>

namespace fundtrace::demo {

QString Iban::fromBban(const QString &countryCode, const QString &bban)
{
    const int check = identifiers::Iban::checkDigits(countryCode, bban);
    return countryCode + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0')) + bban;
}

bool Iban::isValid(QStringView iban)
{
    if (iban.size() < 15 || iban.size() > 34)
        return false;
    for (int i = 0; i < 2; ++i) {
        if (iban[i] < u'A' || iban[i] > u'Z' || !iban[i + 2].isDigit())
            return false;
    }
    const std::optional<int> length = identifiers::Iban::countryLength(iban.left(2));
    if (length && iban.size() != *length)
        return false;
    return identifiers::Iban::mod97(iban.mid(4).toString() + iban.left(4).toString()) == 1;
}

} // namespace fundtrace::demo
