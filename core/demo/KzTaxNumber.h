#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

namespace fundtrace::demo {

// Generates Kazakh 12-digit IINs (individuals) and BINs (legal entities) for demo cases. The check
// digit is identifiers::KzTaxId's, so generated numbers pass the validator investigators use.
class KzTaxNumber {
public:
    // 0-9, or -1 when no check digit exists (the serial must be skipped) or the input is not
    // 11 digits.
    static int checkDigit(QStringView first11);
    // The check digit only; identifiers::KzTaxId::parse() also checks the date and layout.
    static bool isValid(QStringView number);
    // IIN: yyMMdd, century-and-sex digit (3/4 for 1900s, 5/6 for 2000s; odd = male), 4-digit serial,
    // check digit. Returns an empty string when this serial has no valid check digit.
    static QString iin(const QDate &birthDate, bool male, int serial);
    // BIN of a resident legal entity's head office: yyMM of registration, "40", 5-digit serial,
    // check digit. Empty when this serial has no valid check digit.
    static QString bin(int year, int month, int serial);
};

} // namespace fundtrace::demo
