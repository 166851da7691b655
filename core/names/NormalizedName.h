#pragma once

#include <QString>
#include <QStringList>

namespace fundtrace::names {

// A person or organisation name folded to lower-case ASCII Latin, split into tokens, with a
// transliteration-tolerant matching key per token (see NameNormalizer for how keys are built).
struct NormalizedName {
    QString latin;        // readable folded Latin, words in original order ("mukhammed abdikadyrov")
    QStringList tokens;   // folded tokens after particles are dropped and "abd"/"abu" are glued
    QStringList keys;     // one matching key per token, same order as tokens
    QStringList initials; // the single-letter tokens (also present in tokens)

    bool isEmpty() const { return tokens.isEmpty(); }
};

} // namespace fundtrace::names
