#pragma once

#include <QString>
#include <QStringView>

namespace fundtrace::demo {

// ISO 13616 IBAN check digits (mod 97), for generating account numbers that real validators accept.
class Iban {
public:
    // The full IBAN for a country code and BBAN ("KZ", "914KZT0123456789" -> "KZ..914KZT0123456789").
    static QString fromBban(const QString &countryCode, const QString &bban);
    // Structure (country letters, two digits, upper-case alphanumerics, the country's length for
    // KZ, TR and AE, otherwise 15-34) and the mod-97 check.
    static bool isValid(QStringView iban);

private:
    // The remainder mod 97 of the IBAN's numeric form (letters A=10 .. Z=35); -1 on a bad character.
    static int mod97(QStringView rearranged);
};

} // namespace fundtrace::demo
