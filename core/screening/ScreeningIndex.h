#pragma once

#include "names/NameMatcher.h"
#include "names/NameNormalizer.h"
#include "screening/BirthDates.h"
#include "screening/ListEntry.h"
#include "screening/ScreeningHit.h"
#include "screening/ScreeningQuery.h"

#include <QHash>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fundtrace::screening {

// An in-memory index of list entries for name screening. Every name and alias is normalized once;
// an inverted index from token keys and key/token prefixes and suffixes to distinct list tokens,
// and from those to names, yields the candidates for a query (never all pairs). Each query token
// is compared with each distinct list token once; names whose pairs cannot reach the threshold are
// skipped, the rest NameMatcher scores. Date of birth and nationality adjust the score; weak
// aliases score lower.
// Built once, then read-only: search() and searchMany() may run from several threads at once.
class ScreeningIndex {
public:
    static constexpr double kDefaultThreshold = 80.0;

    ScreeningIndex() = default;
    explicit ScreeningIndex(const QVector<ListEntry> &entries);

    void build(const QVector<ListEntry> &entries);

    // Hits at or above threshold (0..100), best first, at most limit (one per entry).
    QVector<ScreeningHit> search(const ScreeningQuery &query, double threshold = kDefaultThreshold,
                                 int limit = 10) const;
    // The same for many queries, spread over threads (0: one per core). Results in query order.
    QVector<QVector<ScreeningHit>> searchMany(const QVector<ScreeningQuery> &queries,
                                              double threshold = kDefaultThreshold, int limit = 10,
                                              int threads = 0) const;

    qsizetype entryCount() const { return m_entries.size(); }
    qsizetype nameCount() const { return qsizetype(m_names.size()); }

private:
    struct IndexedName {
        int entry = 0;
        QString written;
        QString kind;
        names::NormalizedName normalized;
        std::vector<quint32> tokenIds; // per token, into the distinct list tokens (for the pair cache)
        double weight = 0; // sum of token weights, for the candidate bound
        bool weak = false;
    };
    struct Entry {
        qint64 id = 0;
        QString listName;
        QString kind;
        BirthDates birthDates;
        QStringList nationalities; // upper-case ISO2 or names as written
    };

    QVector<ScreeningHit> searchNormalized(const ScreeningQuery &query, const names::NormalizedName &name,
                                           double threshold, int limit) const;
    // 64-bit hashes of a token's signatures (see the .cpp) and their kinds ('k' key, 'p'/'s' key
    // prefix/suffix, 't'/'u' token prefix/suffix); returns how many were written.
    static int signatures(std::string_view token, std::string_view key, quint64 (&out)[5],
                          char (&kinds)[5]);

    QVector<Entry> m_entries;
    std::vector<IndexedName> m_names;
    std::unordered_map<quint64, std::vector<quint32>> m_postings; // signature hash -> tokens
    std::vector<std::string> m_tokenText; // distinct token -> folded ASCII token
    std::vector<std::string> m_tokenKey;  // distinct token -> its key
    std::vector<std::vector<quint32>> m_tokenNames;   // distinct token -> names holding it
    std::vector<float> m_nameWeights; // IndexedName::weight, packed for the candidate bound
    quint32 m_distinctTokens = 0;
    names::NameNormalizer m_normalizer;
    names::NameMatcher m_matcher;
};

} // namespace fundtrace::screening
