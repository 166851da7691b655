#pragma once

#include "names/NormalizedName.h"

#include <string>

namespace fundtrace::names {

// Folds a name written in Latin, Russian or Kazakh Cyrillic, Arabic or any other script into
// ASCII Latin tokens and per-token matching keys, so that "Мұхаммед Әбдіқадыров", "Mukhammed
// Abdikadyrov" and "Muhammad Abdiqadyrov" produce the same keys.
//
// Cyrillic is mapped with our own table (passport/bank spellings: х→kh, ж→zh, ц→ts, Kazakh ә→a,
// қ→k ...); other non-ASCII text goes through NFKC and ICU "Any-Latin; Latin-ASCII".
// Thread safety: normalize() may be called from any number of threads at once. ICU's
// Transliterator::transliterate is not safe to share, so each thread lazily creates its own
// instance (thread_local); nothing else is shared and mutable. ASCII-only and Cyrillic-only input
// never touches ICU, which keeps 100k names well under a second.
class NameNormalizer {
public:
    NormalizedName normalize(const QString &name) const;

    // The matching key of one folded ASCII token: consonant skeleton after collapsing
    // transliteration variants (kh/h/x, q/k, zh/j, y/i, doubled letters, vowels), with surname
    // and patronymic endings reduced to a marker: "ivanov" and "ivanova" -> "avn+",
    // "serikovich" and "serikuly" -> "srk^".
    static QString tokenKey(const QString &token);
    static std::string tokenKey(const std::string &token);
};

} // namespace fundtrace::names
