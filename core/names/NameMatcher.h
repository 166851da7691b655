#pragma once

#include "names/NameMatch.h"
#include "names/NormalizedName.h"

#include <string_view>

namespace fundtrace::names {

// Scores how likely two normalized names denote the same person or organisation, independent of
// token order. Tokens are paired greedily by pair score (exact > key > gender variant > fuzzy >
// initial); the score is the weighted coverage of the shorter name, lightly lowered by the longer
// name's unmatched tokens, so a bank's "ABDIKADYROV M." still scores high against a list's long
// full name. One-token names need a near-exact token. Stateless and thread-safe.
class NameMatcher {
public:
    // Jaro-Winkler bars: tokens below them are not paired at all.
    static constexpr double kTokenFuzzyBar = 0.88;
    static constexpr double kKeyFuzzyBar = 0.93;

    NameMatch compare(const NormalizedName &a, const NormalizedName &b) const;
    // The score only, without building the explanation (the screening hot path).
    double score(const NormalizedName &a, const NormalizedName &b) const;

    // One token of a against one of b: kind and score (score 0: the tokens do not pair).
    static TokenPair pairTokens(const NormalizedName &a, int i, const NormalizedName &b, int j);
    // The same on folded ASCII tokens and their keys (as NameNormalizer makes them), for callers
    // that keep ASCII copies; the pair's token indices are left at -1.
    static TokenPair pairTokens(std::string_view tokenA, std::string_view keyA,
                                std::string_view tokenB, std::string_view keyB);
    // score() with token pairs taken from the caller, who may cache them: a list token shared by
    // thousands of names is then compared with each query token once. source must return what
    // pairTokens(a, i, b, j) would.
    using PairSource = TokenPair (*)(void *context, const NormalizedName &a, int i, const NormalizedName &b, int j);
    double score(const NormalizedName &a, const NormalizedName &b, PairSource source, void *context) const;

    static QString kindName(TokenPair::Kind kind);
};

} // namespace fundtrace::names
