#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

namespace fundtrace::demo {

// Kazakh 12-digit IIN (individuals) and BIN (legal entities): the layout and the check digit.
// Check digit: sum of digits 1-11 times weights 1..11, mod 11; if that is 10, weights
// 3,4,5,6,7,8,9,10,11,1,2 instead; if it is 10 again the number is never issued.
class KzTaxNumber {
public:
    // 0-9, or -1 when no check digit exists (the serial must be skipped) or the input is not
    // 11 digits.
    static int checkDigit(QStringView first11);
    static bool isValid(QStringView number);
    // IIN: yyMMdd, century-and-sex digit (3/4 for 1900s, 5/6 for 2000s; odd = male), 4-digit serial,
    // check digit. Returns an empty string when this serial has no valid check digit.
    static QString iin(const QDate &birthDate, bool male, int serial);
    // BIN of a resident legal entity's head office: yyMM of registration, "40", 5-digit serial,
    // check digit. Empty when this serial has no valid check digit.
    static QString bin(int year, int month, int serial);
};

} // namespace fundtrace::demo
