#pragma once

#include "identifiers/Identifier.h"

#include <QStringView>

namespace fundtrace::identifiers {

// Kazakh 12-digit tax numbers: IIN of a person (yyMMdd, century-and-sex digit, serial, check) or
// BIN of a legal entity (yyMM of registration, entity type, branch digit, serial, check).
class KzTaxId {
public:
    // 0-9; -1 when the input is not 11 digits or no check digit exists (the number is never
    // issued). Sum of digits 1-11 times weights 1..11 mod 11; when that is 10, weights 3..11,1,2
    // instead.
    static int checkDigit(QStringView first11);
    // Spaces and dashes are tolerated. IIN when digits 1-6 are a date and digit 7 is 1-6,
    // otherwise BIN when digit 5 is 4, 5 or 6, otherwise invalid.
    static Identifier parse(QStringView given);
};

} // namespace fundtrace::identifiers
