#include "screening/ScreeningIndex.h"

#include <QSet>

#include <algorithm>
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

// Per-thread scratch for candidate collection: a stamp per name avoids clearing arrays per query.
struct Scratch {
    std::vector<quint32> stamp;
    std::vector<quint32> mask;
    std::vector<quint32> touched;
    quint32 epoch = 0;
};

Scratch &scratch(size_t names)
{
    thread_local Scratch s;
    if (s.stamp.size() < names) {
        s.stamp.assign(names, 0);
        s.mask.assign(names, 0);
        s.epoch = 0;
    }
    return s;
}

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

QStringList ScreeningIndex::signatures(const QString &token, const QString &key)
{
    // Exact key, plus the key's first and last three letters (its ending marker aside) and the
    // token's first three and last four letters, so that one typo anywhere still finds the name. Shorter pieces
    // are shared by too many names ("man", "bek") to narrow anything.
    QStringList out;
    if (token.size() <= 1)
        return out; // initials would match everything
    out << QLatin1String("k:") + key;
    QStringView stem(key);
    if (!stem.isEmpty() && !stem.back().isLetterOrNumber())
        stem.chop(1);
    if (stem.size() >= 4)
        out << QLatin1String("p:") + stem.left(3).toString() << QLatin1String("s:") + stem.right(3).toString();
    if (token.size() >= 5)
        out << QLatin1String("t:") + token.left(3) << QLatin1String("u:") + token.right(4);
    return out;
}

void ScreeningIndex::build(const QVector<ListEntry> &entries)
{
    m_entries.clear();
    m_names.clear();
    m_postings.clear();
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
    for (size_t id = 0; id < m_names.size(); ++id) {
        const NormalizedName &n = m_names[id].normalized;
        QSet<QString> own;
        for (qsizetype t = 0; t < n.tokens.size(); ++t)
            for (const QString &sig : signatures(n.tokens[t], n.keys[t]))
                own.insert(sig);
        for (const QString &sig : std::as_const(own))
            m_postings[sig].push_back(quint32(id));
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
        std::fill(s.stamp.begin(), s.stamp.end(), 0);
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
        for (const QString &sig : signatures(q.tokens[t], q.keys[t])) {
            const auto it = m_postings.constFind(sig);
            if (it == m_postings.constEnd())
                continue;
            for (const quint32 id : *it) {
                if (s.stamp[id] != s.epoch) {
                    s.stamp[id] = s.epoch;
                    s.mask[id] = 0;
                    s.touched.push_back(id);
                }
                s.mask[id] |= 1u << t;
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
        const IndexedName &n = m_names[id];
        // Upper bound of the name score from the tokens that found this name at all.
        double hit = initialsWeight;
        for (qsizetype t = 0; t < tokenCount; ++t)
            if (s.mask[id] & (1u << t))
                hit += tokenWeight(q.tokens[t]);
        const double bound = std::min(1.0, hit / std::min(queryWeight, n.weight));
        if (bound * 100.0 + kMaxBonus < threshold)
            continue;

        const double nameScore = m_matcher.score(q, n.normalized) * 100.0;
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
