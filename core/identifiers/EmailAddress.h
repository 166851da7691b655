#pragma once

#include "identifiers/Identifier.h"

#include <QStringView>

namespace fundtrace::identifiers {

// E-mail addresses: trimmed, "mailto:" and angle brackets removed, lower-cased, basic syntax
// checked.
class EmailAddress {
public:
    static Identifier parse(QStringView given);
};

} // namespace fundtrace::identifiers
