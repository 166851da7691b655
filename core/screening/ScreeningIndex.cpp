#include "screening/ScreeningIndex.h"

#include <QSet>

#include <algorithm>
#include <cctype>
#include <thread>

namespace fundtrace::screening {

using names::NormalizedName;

namespace {

constexpr int kMaxQueryTokens = 32;
// Most a date of birth and nationality can add; used to bound which candidates can still reach
// the threshold.
constexpr double kMaxBonus = 8.0;

double tokenWeight(const QString &token)
{
    return token.size() == 1 ? 0.5 : 1.0;
}

double nameWeight(const NormalizedName &n)
{
    double w = 0;
    for (const QString &t : n.tokens)
        w += tokenWeight(t);
    return w;
}

bool isWeakKind(const QString &kind)
{
    return kind.compare(QLatin1String("weak"), Qt::CaseInsensitive) == 0;
}

// The most a token pair found only through a prefix or suffix signature (not the same key) can
// score: NameMatcher caps fuzzy pairs at 0.92; joined tokens (0.95) are found by their prefix.
constexpr double kFuzzyBound = 0.95;
// Suffix signatures with more distinct tokens than this are skipped when the key already matched.
constexpr size_t kLongPosting = 200;
// NameMatcher looks at no more than this many tokens of a name.
constexpr size_t kMaxPairTokens = 16;

// Per-thread scratch for candidate collection: a stamp per name avoids clearing arrays per query.
// One small record per name, so that collecting candidates touches one cache line per posting.
struct Scratch {
    struct Cell {
        quint32 stamp = 0;
        float credit = 0; // sum of weight * pair score of the query tokens that reached the name
    };
    std::vector<Cell> cells;
    std::vector<quint32> touched;
    quint32 epoch = 0;
};

Scratch &scratch(size_t names)
{
    thread_local Scratch s;
    if (s.cells.size() < names) {
        s.cells.assign(names, Scratch::Cell {});
        s.epoch = 0;
    }
    return s;
}

// Token-pair results of the current query against distinct list tokens, so that a list token
// shared by many candidate names ("muhammad") is compared with each query token once per query.
struct PairCache {
    struct Slot { // 16 bytes: the cache is large and read at random
        double score = 0;
        quint32 stamp = 0;
        names::TokenPair::Kind kind = names::TokenPair::Kind::Exact;
    };
    static_assert(sizeof(Slot) == 16);
    std::vector<Slot> cells; // list token * kMaxQueryTokens + query token: one name's lookups stay close
    quint32 distinct = 0;
    quint32 epoch = 0;
    const std::vector<quint32> *listTokenIds = nullptr; // of the name being scored
    const std::vector<std::string> *queryText = nullptr;  // ASCII copies of the query's tokens
    const std::vector<std::string> *queryKey = nullptr;
    const std::vector<std::string> *listText = nullptr;   // the index's distinct tokens
    const std::vector<std::string> *listKey = nullptr;

    static PairCache &forThread(quint32 distinctTokens)
    {
        thread_local PairCache c;
        const size_t needed = size_t(distinctTokens) * kMaxPairTokens;
        if (c.distinct != distinctTokens || c.cells.size() < needed) {
            c.cells.assign(std::max(needed, c.cells.size()), Slot {});
            c.distinct = distinctTokens;
            c.epoch = 0;
        }
        if (++c.epoch == 0) {
            std::fill(c.cells.begin(), c.cells.end(), Slot {});
            c.epoch = 1;
        }
        return c;
    }

    static names::TokenPair lookup(void *context, const NormalizedName &, int i, const NormalizedName &,
                                   int j)
    {
        auto *c = static_cast<PairCache *>(context);
        const size_t tid = (*c->listTokenIds)[size_t(j)];
        Slot &slot = c->cells[tid * kMaxPairTokens + size_t(i)];
        names::TokenPair p;
        if (slot.stamp == c->epoch) {
            p.score = slot.score;
            p.kind = slot.kind;
            return p;
        }
        p = names::NameMatcher::pairTokens((*c->queryText)[size_t(i)], (*c->queryKey)[size_t(i)],
                                           (*c->listText)[tid], (*c->listKey)[tid]);
        slot.stamp = c->epoch;
        slot.score = p.score;
        slot.kind = p.kind;
        return p;
    }
};

QString describe(BirthDates::Agreement a, const QString &query)
{
    const QString year = query.left(4);
    switch (a) {
    case BirthDates::Agreement::SameDate: return QStringLiteral("date of birth %1 agrees").arg(query);
    case BirthDates::Agreement::SameYear: return QStringLiteral("birth year %1 agrees").arg(year);
    case BirthDates::Agreement::NearYear: return QStringLiteral("birth year %1 within a year").arg(year);
    case BirthDates::Agreement::Differs: return QStringLiteral("birth year %1 differs from the entry").arg(year);
    case BirthDates::Agreement::Unknown: break;
    }
    return {};
}

} // namespace

ScreeningIndex::ScreeningIndex(const QVector<ListEntry> &entries)
{
    build(entries);
}

int ScreeningIndex::signatures(std::string_view token, std::string_view key, quint64 (&out)[5],
                               char (&kinds)[5])
{
    // Exact key, plus the key's first and last three letters (its ending marker aside) and the
    // token's first three and last four letters, so that one typo anywhere still finds the name. Shorter pieces
    // are shared by too many names ("man", "bek") to narrow anything. Hashed with a tag per kind:
    // no strings are built per query.
    if (token.size() <= 1)
        return 0; // initials would match everything
    const auto hash = [](char tag, std::string_view text) {
        quint64 h = 14695981039346656037ULL; // FNV-1a, as util::fnv1a64, over tag + text
        h = (h ^ quint8(tag)) * 1099511628211ULL;
        for (const char c : text)
            h = (h ^ quint8(c)) * 1099511628211ULL;
        return h;
    };
    int n = 0;
    const auto add = [&](char kind, std::string_view text) {
        kinds[n] = kind;
        out[n++] = hash(kind, text);
    };
    add('k', key);
    std::string_view stem = key;
    if (!stem.empty() && !std::isalnum(static_cast<unsigned char>(stem.back())))
        stem.remove_suffix(1);
    if (stem.size() >= 4) {
        add('p', stem.substr(0, 3));
        add('s', stem.substr(stem.size() - 3));
    }
    if (token.size() >= 5) {
        add('t', token.substr(0, 3));
        add('u', token.substr(token.size() - 4));
    }
    return n;
}

void ScreeningIndex::build(const QVector<ListEntry> &entries)
{
    m_entries.clear();
    m_names.clear();
    m_postings.clear();
    m_tokenText.clear();
    m_tokenKey.clear();
    m_tokenNames.clear();
    m_distinctTokens = 0;
    m_entries.reserve(entries.size());
    for (const ListEntry &e : entries) {
        Entry entry;
        entry.id = e.entryId;
        entry.listName = e.listName;
        entry.kind = e.kind;
        entry.birthDates = BirthDates(e.birthDates);
        for (const QString &n : e.nationalities)
            entry.nationalities << n.trimmed().toUpper();
        const int entryIndex = int(m_entries.size());
        m_entries << entry;
        QSet<QString> seen; // lists repeat the same alias in several spellings that fold alike
        for (const ListName &ln : e.names) {
            IndexedName n;
            n.entry = entryIndex;
            n.written = ln.name;
            n.kind = ln.nameKind.isEmpty() ? QStringLiteral("primary") : ln.nameKind;
            n.normalized = m_normalizer.normalize(ln.name);
            if (n.normalized.isEmpty() || seen.contains(n.normalized.tokens.join(QLatin1Char(' '))))
                continue;
            seen.insert(n.normalized.tokens.join(QLatin1Char(' ')));
            n.weight = nameWeight(n.normalized);
            n.weak = isWeakKind(n.kind);
            m_names.push_back(std::move(n));
        }
    }
    m_nameWeights.clear();
    m_nameWeights.reserve(m_names.size());
    for (const IndexedName &n : m_names)
        m_nameWeights.push_back(float(n.weight));
    QHash<QString, quint32> tokenIds;
    for (size_t id = 0; id < m_names.size(); ++id) {
        IndexedName &n = m_names[id];
        n.tokenIds.reserve(size_t(n.normalized.tokens.size()));
        for (qsizetype t = 0; t < n.normalized.tokens.size(); ++t) {
            const QString &token = n.normalized.tokens[t];
            auto it = tokenIds.find(token);
            if (it == tokenIds.end()) {
                it = tokenIds.insert(token, m_distinctTokens++);
                m_tokenText.push_back(token.toStdString());
                m_tokenKey.push_back(n.normalized.keys[t].toStdString());
                m_tokenNames.emplace_back();
                quint64 sigs[5];
                char kinds[5];
                const int count = signatures(m_tokenText.back(), m_tokenKey.back(), sigs, kinds);
                for (int k = 0; k < count; ++k)
                    m_postings[sigs[k]].push_back(*it);
            }
            std::vector<quint32> &names = m_tokenNames[*it];
            if (names.empty() || names.back() != quint32(id)) // a token twice in one name
                names.push_back(quint32(id));
            n.tokenIds.push_back(*it);
        }
    }
}

QVector<ScreeningHit> ScreeningIndex::search(const ScreeningQuery &query, double threshold, int limit) const
{
    return searchNormalized(query, m_normalizer.normalize(query.name), threshold, limit);
}

QVector<ScreeningHit> ScreeningIndex::searchNormalized(const ScreeningQuery &query, const NormalizedName &q,
                                                       double threshold, int limit) const
{
    QVector<ScreeningHit> hits;
    if (q.isEmpty() || m_names.empty() || limit <= 0)
        return hits;

    Scratch &s = scratch(m_names.size());
    if (++s.epoch == 0) {
        std::fill(s.cells.begin(), s.cells.end(), Scratch::Cell {});
        s.epoch = 1;
    }
    s.touched.clear();
    const qsizetype tokenCount = std::min<qsizetype>(q.tokens.size(), kMaxQueryTokens);
    double queryWeight = 0;
    double initialsWeight = 0;
    for (qsizetype t = 0; t < tokenCount; ++t) {
        const double w = tokenWeight(q.tokens[t]);
        queryWeight += w;
        if (q.tokens[t].size() == 1)
            initialsWeight += w; // optimistic: an initial may pair with any token of the candidate
    }
    // Each query token meets each distinct list token its signatures reach once: the pair score is
    // computed (and cached for the scoring below), and every name holding that token is credited
    // with it. The credit is an upper bound of what the token can add to the name's score.
    PairCache &cache = PairCache::forThread(m_distinctTokens);
    const qsizetype pairTokens = std::min<qsizetype>(tokenCount, qsizetype(kMaxPairTokens));
    thread_local std::vector<std::string> queryText;
    thread_local std::vector<std::string> queryKey;
    queryText.resize(size_t(pairTokens));
    queryKey.resize(size_t(pairTokens));
    for (qsizetype t = 0; t < pairTokens; ++t) {
        queryText[size_t(t)] = q.tokens[t].toStdString();
        queryKey[size_t(t)] = q.keys[t].toStdString();
    }
    cache.queryText = &queryText;
    cache.queryKey = &queryKey;
    cache.listText = &m_tokenText;
    cache.listKey = &m_tokenKey;
    for (qsizetype t = 0; t < pairTokens; ++t) {
        const std::string &qt = queryText[size_t(t)];
        const std::string &qk = queryKey[size_t(t)];
        const float w = float(tokenWeight(q.tokens[t]));
        quint64 sigs[5];
        char kinds[5];
        const int sigCount = signatures(qt, qk, sigs, kinds);
        bool keyFound = false;
        for (int sig = 0; sig < sigCount; ++sig) {
            const auto it = m_postings.find(sigs[sig]);
            if (it == m_postings.end())
                continue;
            keyFound = keyFound || kinds[sig] == 'k';
            // A common ending ("-ova", "-bek") reaches thousands of tokens; once the key itself is
            // on the list, the prefixes still find a typo near the end and the ending adds little.
            const bool suffix = kinds[sig] == 's' || kinds[sig] == 'u';
            if (keyFound && suffix && it->second.size() > kLongPosting)
                continue;
            for (const quint32 tid : it->second) {
                PairCache::Slot &slot = cache.cells[size_t(tid) * kMaxPairTokens + size_t(t)];
                if (slot.stamp == cache.epoch)
                    continue; // reached through another signature already
                const names::TokenPair p =
                        names::NameMatcher::pairTokens(qt, qk, m_tokenText[tid], m_tokenKey[tid]);
                slot = PairCache::Slot { p.score, cache.epoch, p.kind };
                float credit = float(p.score) * 1.0001f; // rounding must not make the bound too tight
                if (credit <= 0) {
                    // Not a pair on its own, but maybe half of a token written as two ("izzaldin" ~
                    // "izz din"): the shorter one starts the longer one.
                    const std::string &lt = m_tokenText[tid];
                    const std::string &longer = lt.size() > qt.size() ? lt : qt;
                    const std::string &shorter = lt.size() > qt.size() ? qt : lt;
                    if (longer.size() >= 5 && shorter.size() >= 2
                        && longer.compare(0, 2, shorter, 0, 2) == 0)
                        credit = float(kFuzzyBound);
                }
                if (credit <= 0)
                    continue;
                credit *= w;
                for (const quint32 id : m_tokenNames[tid]) {
                    Scratch::Cell &cell = s.cells[id];
                    if (cell.stamp != s.epoch) {
                        cell = Scratch::Cell { s.epoch, 0 };
                        s.touched.push_back(id);
                    }
                    cell.credit += credit;
                }
            }
        }
    }

    const QString nationality = query.nationality.trimmed().toUpper();
    struct Best {
        double score = -1;
        double nameScore = 0;
        quint32 name = 0;
        BirthDates::Agreement dob = BirthDates::Agreement::Unknown;
        int nationality = 0; // 1 agrees, -1 not on the entry, 0 unknown
    };
    QHash<int, Best> best;
    for (const quint32 id : s.touched) {
        // Upper bound of the name score from the token pairs that reached this name.
        const double hit = initialsWeight + s.cells[id].credit;
        const double bound = std::min(1.0, hit / std::min(queryWeight, double(m_nameWeights[id])));
        if (bound * 100.0 + kMaxBonus < threshold)
            continue;

        const IndexedName &n = m_names[id];
        cache.listTokenIds = &n.tokenIds;
        const double nameScore = m_matcher.score(q, n.normalized, &PairCache::lookup, &cache) * 100.0;
        if (nameScore + kMaxBonus < threshold)
            continue;
        const Entry &e = m_entries[n.entry];
        double score = nameScore;
        if (n.weak)
            score -= 10; // OFAC: weak a.k.a.s are too broad to rely on alone
        const BirthDates::Agreement dob = e.birthDates.compare(query.birthDate);
        switch (dob) {
        case BirthDates::Agreement::SameDate: score += 8; break;
        case BirthDates::Agreement::SameYear: score += 5; break;
        case BirthDates::Agreement::NearYear: score += 1; break;
        case BirthDates::Agreement::Differs: score -= 25; break;
        case BirthDates::Agreement::Unknown: break;
        }
        int nat = 0;
        if (!nationality.isEmpty() && !e.nationalities.isEmpty()) {
            nat = e.nationalities.contains(nationality) ? 1 : -1;
            score += nat > 0 ? 3 : -4;
        }
        if (!query.kind.isEmpty() && !e.kind.isEmpty() && query.kind.compare(e.kind, Qt::CaseInsensitive) != 0)
            score -= 15;
        score = std::clamp(score, 0.0, 100.0);
        if (score < threshold)
            continue;
        Best &b = best[n.entry];
        if (score > b.score)
            b = Best { score, nameScore, id, dob, nat };
    }

    QVector<std::pair<int, Best>> ranked;
    ranked.reserve(best.size());
    for (auto it = best.cbegin(); it != best.cend(); ++it)
        ranked.push_back({ it.key(), it.value() });
    std::sort(ranked.begin(), ranked.end(), [this](const auto &x, const auto &y) {
        if (x.second.score != y.second.score)
            return x.second.score > y.second.score;
        return m_entries[x.first].id < m_entries[y.first].id;
    });
    if (ranked.size() > limit)
        ranked.resize(limit);

    for (const auto &[entryIndex, b] : std::as_const(ranked)) {
        const IndexedName &n = m_names[b.name];
        const Entry &e = m_entries[entryIndex];
        ScreeningHit hit;
        hit.entryId = e.id;
        hit.listName = e.listName;
        hit.matchedName = n.written;
        hit.matchedNameKind = n.kind;
        hit.score = b.score;
        hit.nameScore = b.nameScore;
        QStringList parts;
        QString name = QStringLiteral("name: ") + m_matcher.compare(q, n.normalized).explanation;
        if (n.kind != QLatin1String("primary"))
            name += QStringLiteral(" (%1 alias)").arg(n.kind);
        parts << name;
        if (const QString d = describe(b.dob, query.birthDate); !d.isEmpty())
            parts << d;
        if (b.nationality > 0)
            parts << QStringLiteral("nationality %1 agrees").arg(nationality);
        else if (b.nationality < 0)
            parts << QStringLiteral("nationality %1 not on entry").arg(nationality);
        if (!query.kind.isEmpty() && !e.kind.isEmpty() && query.kind.compare(e.kind, Qt::CaseInsensitive) != 0)
            parts << QStringLiteral("entry is a %1, not a %2").arg(e.kind, query.kind);
        hit.explanation = parts.join(QStringLiteral("; "));
        hits << hit;
    }
    return hits;
}

QVector<QVector<ScreeningHit>> ScreeningIndex::searchMany(const QVector<ScreeningQuery> &queries, double threshold,
                                                          int limit, int threads) const
{
    QVector<QVector<ScreeningHit>> results(queries.size());
    int workers = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    workers = int(std::min<qsizetype>(workers, std::max<qsizetype>(1, queries.size() / 64)));
    QVector<ScreeningHit> *out = results.data(); // detached once here, not from the workers
    const auto run = [&, out](int worker) {
        // Interleaved so that a slow stretch of queries is shared between workers.
        for (qsizetype i = worker; i < queries.size(); i += workers)
            out[i] = search(queries[i], threshold, limit);
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w)
        pool.emplace_back(run, w);
    run(0);
    for (std::thread &t : pool)
        t.join();
    return results;
}

} // namespace fundtrace::screening
