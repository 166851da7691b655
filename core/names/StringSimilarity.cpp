#include "names/StringSimilarity.h"

#include <algorithm>
#include <array>

namespace fundtrace::names {

namespace {

// One implementation for UTF-16 and for the ASCII copies the screening index compares.
template<typename View>
double jaroWinklerOf(View a, View b)
{
    if (a.empty() || b.empty())
        return 0.0;
    if (a == b)
        return 1.0;
    // Names are short; longer strings are compared on their first 64 characters.
    constexpr qsizetype kMax = 64;
    const qsizetype la = std::min(qsizetype(a.size()), kMax);
    const qsizetype lb = std::min(qsizetype(b.size()), kMax);
    const qsizetype window = std::max<qsizetype>(0, std::max(la, lb) / 2 - 1);
    std::array<bool, kMax> usedA {};
    std::array<bool, kMax> usedB {};
    int matches = 0;
    for (qsizetype i = 0; i < la; ++i) {
        const qsizetype from = std::max<qsizetype>(0, i - window);
        const qsizetype to = std::min(lb - 1, i + window);
        for (qsizetype j = from; j <= to; ++j) {
            if (!usedB[size_t(j)] && a[size_t(i)] == b[size_t(j)]) {
                usedA[size_t(i)] = usedB[size_t(j)] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    int transpositions = 0;
    qsizetype k = 0;
    for (qsizetype i = 0; i < la; ++i) {
        if (!usedA[size_t(i)])
            continue;
        while (!usedB[size_t(k)])
            ++k;
        if (a[size_t(i)] != b[size_t(k)])
            ++transpositions;
        ++k;
    }
    const double m = matches;
    const double jaro = (m / double(la) + m / double(lb) + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[size_t(prefix)] == b[size_t(prefix)])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

} // namespace

double StringSimilarity::jaroWinkler(QStringView a, QStringView b)
{
    return jaroWinklerOf(a, b);
}

double StringSimilarity::jaroWinkler(std::string_view a, std::string_view b)
{
    return jaroWinklerOf(a, b);
}

} // namespace fundtrace::names
