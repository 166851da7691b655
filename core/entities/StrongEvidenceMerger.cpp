#include "entities/StrongEvidenceMerger.h"

#include "entities/ResolutionDecisions.h"
#include "entities/SubjectMatcher.h"

#include <QMap>
#include <numeric>
#include <unordered_map>

namespace fundtrace::entities {
namespace {

// Union-find over row indexes, keeping each component's members so a join can be checked
// against rejected pairs first.
class Components {
public:
    explicit Components(qsizetype size)
        : m_parent(size)
        , m_members(size)
    {
        std::iota(m_parent.begin(), m_parent.end(), qsizetype(0));
        for (qsizetype i = 0; i < size; ++i)
            m_members[i] = { i };
    }
    qsizetype find(qsizetype i)
    {
        while (m_parent[i] != i)
            i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }
    const QVector<qsizetype> &members(qsizetype root) const { return m_members[root]; }
    void join(qsizetype a, qsizetype b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_members[a].size() < m_members[b].size())
            std::swap(a, b);
        m_parent[b] = a;
        m_members[a] += m_members[b];
        m_members[b].clear();
    }

private:
    QVector<qsizetype> m_parent;
    QVector<QVector<qsizetype>> m_members;
};

} // namespace

StrongEvidenceMerger::StrongEvidenceMerger(db::Database &db, SubjectGroups &groups)
    : m_db(db)
    , m_groups(groups)
{
}

int StrongEvidenceMerger::run(QVector<SubjectEvidence> &subjects)
{
    const ResolutionDecisions decisions(m_db);
    std::unordered_map<std::int64_t, qsizetype> indexById;
    for (qsizetype i = 0; i < subjects.size(); ++i)
        indexById.emplace(subjects[i].id, i);

    Components components(subjects.size());
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        const auto root = indexById.find(subjects[i].root);
        if (root != indexById.end())
            components.join(i, root->second);
    }

    // Which rows share each strong identifier; the first reason found is kept for the log.
    QMap<QString, QVector<qsizetype>> holders;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        for (const char *kind : { "tax_id", "account", "iban" }) {
            for (const QString &value : subjects[i].identifiers.value(QString::fromLatin1(kind)))
                holders[QString::fromLatin1(kind) + u':' + value].append(i);
        }
    }
    QHash<qsizetype, QStringList> reasons;
    for (auto it = holders.cbegin(); it != holders.cend(); ++it) {
        const QVector<qsizetype> &rows = it.value();
        for (qsizetype k = 1; k < rows.size(); ++k) {
            const qsizetype a = components.find(rows[0]);
            const qsizetype b = components.find(rows[k]);
            if (a == b)
                continue;
            // One tax id on a person and on an organisation is a data error, not one subject
            // (an individual entrepreneur's IIN is both, and kinds then agree as "person").
            const bool byTaxId = it.key().startsWith(u"tax_id:");
            if (byTaxId && !SubjectMatcher::kindsCompatible(subjects[rows[0]].kind, subjects[rows[k]].kind))
                continue;
            bool blocked = false;
            for (const qsizetype x : components.members(a)) {
                for (const qsizetype y : components.members(b))
                    blocked = blocked || decisions.isRejected(subjects[x].id, subjects[y].id);
            }
            if (blocked)
                continue;
            components.join(a, b);
            const QString kind = it.key().section(u':', 0, 0);
            const QString label = kind == u"tax_id" ? QStringLiteral("same IIN/BIN") : QStringLiteral("same account");
            reasons[components.find(a)] << QStringLiteral("%1 %2").arg(label, it.key().section(u':', 1));
        }
    }

    // Reasons were filed under the component's root at the time of each join; gather them under
    // the final one.
    QMap<qsizetype, QStringList> reasonsByComponent;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        reasonsByComponent[components.find(it.key())] += it.value();

    int operations = 0;
    for (auto it = reasonsByComponent.cbegin(); it != reasonsByComponent.cend(); ++it) {
        QVector<std::int64_t> ids;
        for (const qsizetype row : components.members(it.key()))
            ids.append(subjects[row].id);
        QStringList unique = it.value();
        unique.removeDuplicates();
        if (m_groups.merge(ids, unique.join(QStringLiteral("; ")), true) != 0)
            ++operations;
        const std::int64_t root = m_groups.rootOf(ids.front());
        for (const qsizetype row : components.members(it.key()))
            subjects[row].root = root;
    }
    return operations;
}

} // namespace fundtrace::entities
