#pragma once

#include "identifiers/Identifier.h"

#include <QStringView>
#include <optional>

namespace fundtrace::identifiers {

// ISO 13616 IBAN: country letters, two check digits, BBAN; mod 97 of the rearranged number is 1.
class Iban {
public:
    // The remainder mod 97 of an alphanumeric string read as a number (letters A=10 .. Z=35);
    // -1 on any other character.
    static int mod97(QStringView alphanumeric);
    // The two check digits for a country and BBAN (both upper-case), -1 on a bad character.
    static int checkDigits(QStringView countryCode, QStringView bban);
    // The IBAN length of a country in the SWIFT IBAN registry; nullopt outside it (e.g. RU).
    static std::optional<int> countryLength(QStringView countryCode);
    // Spaces are tolerated and letters upper-cased. A country outside the registry is Unchecked
    // when structure and mod 97 pass, since its length cannot be checked.
    static Identifier parse(QStringView given);
};

} // namespace fundtrace::identifiers
