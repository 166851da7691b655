#pragma once

#include <QString>

#include <string_view>

namespace fundtrace::names {

// Edit-tolerant similarity of short strings (name tokens and keys).
class StringSimilarity {
public:
    // Jaro-Winkler in 0..1 (prefix scale 0.1, up to four prefix characters).
    static double jaroWinkler(QStringView a, QStringView b);
    // The same on ASCII text (folded tokens and keys), without UTF-16 copies.
    static double jaroWinkler(std::string_view a, std::string_view b);
};

} // namespace fundtrace::names
