#pragma once

#include <QString>

namespace fundtrace::screening {

// A subject to screen: a name in any script, optionally with what else is known about them.
struct ScreeningQuery {
    QString name;
    QString birthDate;   // optional, "yyyy-MM-dd" or "yyyy"
    QString nationality; // optional, ISO 3166 alpha-2
    QString kind;        // optional, "person" or "organisation"; other kinds are demoted
};

} // namespace fundtrace::screening
