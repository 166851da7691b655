#include "entities/SubjectList.h"

#include "entities/SubjectSearchIndex.h"
#include "names/NameNormalizer.h"

#include <QHash>
#include <algorithm>

namespace fundtrace::entities {

SubjectList::SubjectList(db::Database &db)
    : m_db(db)
{
}

QString SubjectList::mainCurrency() const
{
    db::Statement select = m_db.prepare(
            "SELECT currency FROM subject_flows GROUP BY currency ORDER BY sum(in_count + out_count) DESC LIMIT 1");
    return select.step() ? select.qtext(0) : QStringLiteral("KZT");
}

QVector<SubjectRow> SubjectList::load(const SubjectFilter &filter) const
{
    QHash<std::int64_t, int> searchRank;
    if (!filter.search.trimmed().isEmpty()) {
        const names::NameNormalizer normalizer;
        const QVector<std::int64_t> found = SubjectSearchIndex(m_db, normalizer).search(filter.search, 5000);
        for (qsizetype i = 0; i < found.size(); ++i)
            searchRank.insert(found[i], int(i));
        if (found.isEmpty())
            return {};
    }

    QVector<SubjectRow> rows;
    QHash<std::int64_t, qsizetype> indexById;
    db::Statement subjects = m_db.prepare(
            "SELECT r.id, r.kind, r.display_name, coalesce(m.n, 0) + 1, coalesce(a.n, 0), coalesce(h.n, 0) "
            "FROM subjects r "
            "LEFT JOIN (SELECT merged_into AS root, count(*) AS n FROM subjects WHERE merged_into IS NOT NULL "
            "  GROUP BY 1) m ON m.root = r.id "
            "LEFT JOIN (SELECT coalesce(s.merged_into, s.id) AS root, count(*) AS n FROM accounts a "
            "  JOIN subjects s ON s.id = a.subject_id GROUP BY 1) a ON a.root = r.id "
            "LEFT JOIN (SELECT coalesce(s.merged_into, s.id) AS root, count(*) AS n FROM screening_hits h "
            "  JOIN subjects s ON s.id = h.subject_id WHERE h.state != 'dismissed' GROUP BY 1) h ON h.root = r.id "
            "WHERE r.merged_into IS NULL");
    while (subjects.step()) {
        const std::int64_t id = subjects.int64(0);
        if (!searchRank.isEmpty() && !searchRank.contains(id))
            continue;
        const QString kind = subjects.qtext(1);
        if (!filter.kinds.isEmpty() && !filter.kinds.contains(kind))
            continue;
        SubjectRow row;
        row.id = id;
        row.kind = kind;
        row.displayName = subjects.qtext(2);
        row.members = int(subjects.int64(3));
        row.accounts = int(subjects.int64(4));
        row.openHits = int(subjects.int64(5));
        indexById.insert(id, rows.size());
        rows.append(std::move(row));
    }

    const QString main = mainCurrency();
    db::Statement flows = m_db.prepare(
            "SELECT coalesce(s.merged_into, s.id), f.currency, sum(f.in_minor), sum(f.out_minor), sum(f.in_count), "
            "sum(f.out_count), min(f.first_at), max(f.last_at) FROM subject_flows f JOIN subjects s ON s.id = f.subject_id "
            "GROUP BY 1, 2");
    while (flows.step()) {
        const auto found = indexById.constFind(flows.int64(0));
        if (found == indexById.constEnd())
            continue;
        SubjectRow &row = rows[*found];
        const CurrencyFlow flow { flows.qtext(1), flows.int64(2), flows.int64(3), flows.int64(4), flows.int64(5) };
        if (flow.currency == main)
            row.mainFlowMinor = flow.inMinor + flow.outMinor;
        row.flows.append(flow);
        row.firstAt = row.firstAt == 0 ? flows.int64(6) : std::min(row.firstAt, flows.int64(6));
        row.lastAt = std::max(row.lastAt, flows.int64(7));
    }
    for (SubjectRow &row : rows) {
        std::sort(row.flows.begin(), row.flows.end(), [](const CurrencyFlow &a, const CurrencyFlow &b) {
            return a.inMinor + a.outMinor > b.inMinor + b.outMinor;
        });
    }

    const auto byName = [](const SubjectRow &a, const SubjectRow &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    };
    switch (filter.order) {
    case SubjectFilter::Order::Flow:
        std::stable_sort(rows.begin(), rows.end(), [&](const SubjectRow &a, const SubjectRow &b) {
            if (!searchRank.isEmpty() && a.mainFlowMinor == b.mainFlowMinor)
                return searchRank.value(a.id) < searchRank.value(b.id);
            return a.mainFlowMinor > b.mainFlowMinor;
        });
        break;
    case SubjectFilter::Order::Name:
        std::stable_sort(rows.begin(), rows.end(), byName);
        break;
    case SubjectFilter::Order::LastActivity:
        std::stable_sort(rows.begin(), rows.end(), [](const SubjectRow &a, const SubjectRow &b) { return a.lastAt > b.lastAt; });
        break;
    }
    if (filter.limit >= 0 && rows.size() > filter.limit)
        rows.resize(filter.limit);
    return rows;
}

} // namespace fundtrace::entities
