#pragma once

#include <QString>
#include <QStringView>

namespace fundtrace::identifiers {

// Text clean-up shared by the parsers: people separate identifier groups with spaces (incl.
// no-break spaces from Word and Excel), dashes of every kind and dots.
class IdentifierText {
public:
    // Removes whitespace and hyphen/dash characters.
    static QString compact(QStringView text);
    static bool isAsciiDigits(QStringView text);
    // The first character that is not an ASCII letter or digit, quoted for a message: "'/'".
    static QString firstOddCharacter(QStringView text);
};

} // namespace fundtrace::identifiers
