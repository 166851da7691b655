#pragma once

#include <QString>

namespace fundtrace::names {

// Edit-tolerant similarity of short strings (name tokens and keys).
class StringSimilarity {
public:
    // Jaro-Winkler in 0..1 (prefix scale 0.1, up to four prefix characters).
    static double jaroWinkler(QStringView a, QStringView b);
};

} // namespace fundtrace::names
