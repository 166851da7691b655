#pragma once

#include <QString>
#include <QStringView>

namespace fundtrace::demo {

// IBANs for demo cases, with check digits from identifiers::Iban so that real validators accept them.
class Iban {
public:
    // The full IBAN for a country code and BBAN ("KZ", "914KZT0123456789" -> "KZ..914KZT0123456789").
    static QString fromBban(const QString &countryCode, const QString &bban);
    // Strict, as generated: upper-case country letters, two digits, the registry length of the
    // country (15-34 outside it) and mod 97. identifiers::Iban::parse() is the tolerant validator.
    static bool isValid(QStringView iban);
};

} // namespace fundtrace::demo
