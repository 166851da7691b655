#include "detect/SubjectRisk.h"

#include <algorithm>
#include <cmath>

namespace fundtrace::detect {
namespace {

int weighted(int score, const QString &state)
{
    if (state == u"dismissed")
        return 0;
    if (state == u"confirmed")
        return score;
    return int(std::lround(score * 0.8));
}

// Alerts and screening hits of every root subject (or one), with their state.
constexpr const char *kFindingsSql =
        "SELECT coalesce(s.merged_into, s.id) AS root, 'alert', a.id, a.typology, a.score, a.state FROM alert_subjects x "
        "JOIN alerts a ON a.id = x.alert_id JOIN subjects s ON s.id = x.subject_id WHERE a.active = 1 "
        "AND (?1 = 0 OR coalesce(s.merged_into, s.id) = ?1) "
        "UNION ALL "
        "SELECT coalesce(s.merged_into, s.id), 'hit', h.id, l.name || ' ' || coalesce(e.reference, e.primary_name), h.score, "
        "CASE h.state WHEN 'new' THEN 'new' ELSE h.state END FROM screening_hits h JOIN subjects s ON s.id = h.subject_id "
        "JOIN sanction_entries e ON e.id = h.entry_id JOIN sanction_lists l ON l.id = e.list_id "
        "WHERE (?1 = 0 OR coalesce(s.merged_into, s.id) = ?1)";

} // namespace

SubjectRiskQuery::SubjectRiskQuery(const db::Database &db)
    : m_db(db)
{
}

int SubjectRiskQuery::combine(const QVector<int> &points)
{
    double clear = 1.0;
    for (const int p : points)
        clear *= 1.0 - std::clamp(p, 0, 100) / 100.0;
    return int(std::lround(100.0 * (1.0 - clear)));
}

SubjectRisk SubjectRiskQuery::forSubject(std::int64_t subjectId) const
{
    db::Statement root = m_db.prepare("SELECT coalesce(merged_into, id) FROM subjects WHERE id = ?1");
    root.bind(1, subjectId);
    SubjectRisk risk;
    if (!root.step())
        return risk;
    db::Statement select = m_db.prepare(kFindingsSql);
    select.bind(1, root.int64(0));
    QVector<int> points;
    while (select.step()) {
        const bool alert = select.textView(1) == "alert";
        const QString state = select.qtext(5);
        const int p = weighted(int(select.int64(4)), state);
        risk.contributions.append({ alert ? QStringLiteral("%1 #%2").arg(select.qtext(3)).arg(select.int64(2))
                                          : QStringLiteral("screening hit: %1").arg(select.qtext(3)),
                                    p, state });
        points.append(p);
    }
    std::stable_sort(risk.contributions.begin(), risk.contributions.end(),
                     [](const auto &a, const auto &b) { return a.points > b.points; });
    risk.score = combine(points);
    QStringList parts;
    for (const auto &c : risk.contributions) {
        if (c.points > 0 && parts.size() < 5)
            parts << QStringLiteral("%1 (%2, %3)").arg(c.what).arg(c.points).arg(c.state);
    }
    if (risk.contributions.size() > parts.size() && !parts.isEmpty())
        parts << QStringLiteral("%1 more").arg(risk.contributions.size() - parts.size());
    risk.explanation = parts.isEmpty() ? QStringLiteral("no alerts or screening hits")
                                       : QStringLiteral("risk %1 from: %2").arg(risk.score).arg(parts.join(QStringLiteral("; ")));
    return risk;
}

QHash<std::int64_t, int> SubjectRiskQuery::all() const
{
    db::Statement select = m_db.prepare(kFindingsSql);
    select.bind(1, 0);
    QHash<std::int64_t, QVector<int>> points;
    while (select.step())
        points[select.int64(0)].append(weighted(int(select.int64(4)), select.qtext(5)));
    QHash<std::int64_t, int> risks;
    for (auto it = points.cbegin(); it != points.cend(); ++it) {
        const int score = combine(it.value());
        if (score > 0)
            risks.insert(it.key(), score);
    }
    return risks;
}

} // namespace fundtrace::detect
