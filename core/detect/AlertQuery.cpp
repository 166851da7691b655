#include "detect/AlertQuery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace fundtrace::detect {
namespace {

QJsonValue iso(std::int64_t seconds)
{
    return seconds == 0 ? QJsonValue() : QJsonValue(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate));
}

} // namespace

AlertQuery::AlertQuery(const db::Database &db)
    : m_db(db)
{
}

QVector<AlertRow> AlertQuery::list(const AlertFilter &filter) const
{
    std::int64_t root = 0;
    if (filter.subjectId > 0) {
        db::Statement select = m_db.prepare("SELECT coalesce(merged_into, id) FROM subjects WHERE id = ?1");
        select.bind(1, filter.subjectId);
        root = select.step() ? select.int64(0) : -1;
    }
    db::Statement select = m_db.prepare(
            "SELECT a.id, a.rule, a.typology, a.score, a.title, a.state, a.active, coalesce(a.window_start, 0), "
            "coalesce(a.window_end, 0), (SELECT count(*) FROM alert_evidence e WHERE e.alert_id = a.id), "
            "(SELECT group_concat(r.display_name, '; ') FROM alert_subjects x JOIN subjects s ON s.id = x.subject_id "
            "  JOIN subjects r ON r.id = coalesce(s.merged_into, s.id) WHERE x.alert_id = a.id) "
            "FROM alerts a WHERE a.score >= ?1 AND (?2 OR a.active = 1) "
            "AND (?3 = 0 OR EXISTS (SELECT 1 FROM alert_subjects x JOIN subjects s ON s.id = x.subject_id "
            "  WHERE x.alert_id = a.id AND coalesce(s.merged_into, s.id) = ?3)) "
            "AND (?4 IS NULL OR a.rule IN (SELECT value FROM json_each(?4))) "
            "AND (?5 IS NULL OR a.state IN (SELECT value FROM json_each(?5))) "
            "ORDER BY a.score DESC, a.id");
    // Lists go in as JSON arrays, so the filter stays one prepared statement; NULL = any.
    const auto bindList = [&select](int index, const QStringList &values) {
        if (values.isEmpty())
            select.bindNull(index);
        else
            select.bind(index, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact)));
    };
    select.bind(1, filter.minScore).bind(2, filter.includeInactive ? 1 : 0).bind(3, root);
    bindList(4, filter.rules);
    bindList(5, filter.states);
    QVector<AlertRow> rows;
    while (select.step()) {
        AlertRow row;
        row.rule = select.qtext(1);
        row.state = select.qtext(5);
        row.id = select.int64(0);
        row.typology = select.qtext(2);
        row.score = int(select.int64(3));
        row.title = select.qtext(4);
        row.active = select.int64(6) != 0;
        row.windowStart = select.int64(7);
        row.windowEnd = select.int64(8);
        row.evidenceCount = int(select.int64(9));
        row.subjects = select.qtext(10).split(QStringLiteral("; "), Qt::SkipEmptyParts);
        rows.append(row);
    }
    return rows;
}

QVector<std::pair<QString, int>> AlertQuery::countsByTypology(bool includeInactive) const
{
    db::Statement select = m_db.prepare(
            "SELECT typology, count(*) FROM alerts WHERE ?1 OR active = 1 GROUP BY typology ORDER BY count(*) DESC");
    select.bind(1, includeInactive ? 1 : 0);
    QVector<std::pair<QString, int>> counts;
    while (select.step())
        counts.append({ select.qtext(0), int(select.int64(1)) });
    return counts;
}

std::optional<AlertDetail> AlertQuery::detail(std::int64_t alertId) const
{
    AlertDetail detail;
    {
        db::Statement select = m_db.prepare(
                "SELECT id, rule, typology, score, title, state, active, coalesce(window_start, 0), coalesce(window_end, 0), "
                "explanation, coalesce(metrics, '{}'), coalesce(state_reason, ''), coalesce(state_by, ''), "
                "coalesce(state_at, '') FROM alerts WHERE id = ?1");
        select.bind(1, alertId);
        if (!select.step())
            return std::nullopt;
        detail.row.id = select.int64(0);
        detail.row.rule = select.qtext(1);
        detail.row.typology = select.qtext(2);
        detail.row.score = int(select.int64(3));
        detail.row.title = select.qtext(4);
        detail.row.state = select.qtext(5);
        detail.row.active = select.int64(6) != 0;
        detail.row.windowStart = select.int64(7);
        detail.row.windowEnd = select.int64(8);
        detail.explanation = select.qtext(9);
        detail.metrics = QJsonDocument::fromJson(select.qtext(10).toUtf8()).object();
        detail.stateReason = select.qtext(11);
        detail.stateBy = select.qtext(12);
        detail.stateAt = select.qtext(13);
    }
    db::Statement subjects = m_db.prepare(
            "SELECT DISTINCT r.id, r.display_name, r.kind FROM alert_subjects x JOIN subjects s ON s.id = x.subject_id "
            "JOIN subjects r ON r.id = coalesce(s.merged_into, s.id) WHERE x.alert_id = ?1 ORDER BY r.display_name");
    subjects.bind(1, alertId);
    while (subjects.step()) {
        detail.subjects.append({ subjects.int64(0), subjects.qtext(1), subjects.qtext(2) });
        detail.row.subjects << subjects.qtext(1);
    }
    db::Statement accounts = m_db.prepare(
            "SELECT a.id, a.identifier, coalesce(a.holder_name, '') FROM alert_accounts x JOIN accounts a ON a.id = x.account_id "
            "WHERE x.alert_id = ?1 ORDER BY a.identifier");
    accounts.bind(1, alertId);
    while (accounts.step())
        detail.accounts.append({ accounts.int64(0), accounts.qtext(1), accounts.qtext(2) });
    db::Statement evidence = m_db.prepare(
            "SELECT t.id, coalesce(e.role, ''), t.booked_at, t.direction, t.amount_minor, t.currency, coalesce(a.identifier, ''), "
            "coalesce(n.body, c.holder_name, c.identifier, ''), coalesce(p.body, ''), s.file_name, t.source_row, "
            "coalesce(t.external_id, '') FROM alert_evidence e JOIN transactions t ON t.id = e.transaction_id "
            "JOIN sources s ON s.id = t.source_id LEFT JOIN accounts a ON a.id = t.account_id "
            "LEFT JOIN accounts c ON c.id = t.counterparty_account_id LEFT JOIN texts n ON n.id = t.counterparty_name_id "
            "LEFT JOIN texts p ON p.id = t.purpose_id WHERE e.alert_id = ?1 ORDER BY e.ordinal");
    evidence.bind(1, alertId);
    while (evidence.step()) {
        detail.evidence.append({ evidence.int64(0), evidence.qtext(1), evidence.int64(2), evidence.qtext(3), evidence.int64(4),
                                 evidence.qtext(5), evidence.qtext(6), evidence.qtext(7), evidence.qtext(8), evidence.qtext(9),
                                 evidence.int64(10), evidence.qtext(11) });
    }
    detail.row.evidenceCount = int(detail.evidence.size());
    db::Statement history = m_db.prepare(
            "SELECT from_state, to_state, coalesce(reason, ''), at, by_user, undone_at IS NOT NULL FROM alert_state_changes "
            "WHERE alert_id = ?1 ORDER BY id");
    history.bind(1, alertId);
    while (history.step()) {
        detail.history.append({ history.qtext(0), history.qtext(1), history.qtext(2), history.qtext(3), history.qtext(4),
                                history.int64(5) != 0 });
    }
    db::Statement notes = m_db.prepare(
            "SELECT id, body, coalesce(tags, ''), coalesce(severity, ''), coalesce(hypothesis, ''), created_at, created_by "
            "FROM annotations WHERE object_type = 'alert' AND object_id = ?1 ORDER BY id");
    notes.bind(1, alertId);
    while (notes.step()) {
        detail.notes.append({ notes.int64(0), notes.qtext(1), notes.qtext(2), notes.qtext(3), notes.qtext(4), notes.qtext(5),
                              notes.qtext(6) });
    }
    return detail;
}

QJsonObject AlertDetail::toJson() const
{
    QJsonArray subjectsJson;
    for (const Party &subject : subjects)
        subjectsJson.append(QJsonObject { { QStringLiteral("id"), qint64(subject.id) }, { QStringLiteral("name"), subject.name },
                                          { QStringLiteral("kind"), subject.kind } });
    QJsonArray accountsJson;
    for (const Party &account : accounts)
        accountsJson.append(QJsonObject { { QStringLiteral("id"), qint64(account.id) },
                                          { QStringLiteral("identifier"), account.name },
                                          { QStringLiteral("holder"), account.kind } });
    QJsonArray evidenceJson;
    for (const EvidenceRow &e : evidence) {
        evidenceJson.append(QJsonObject {
                { QStringLiteral("transaction_id"), qint64(e.transactionId) }, { QStringLiteral("role"), e.role },
                { QStringLiteral("booked_at"), iso(e.bookedAt) }, { QStringLiteral("direction"), e.direction },
                { QStringLiteral("amount_minor"), qint64(e.amountMinor) }, { QStringLiteral("currency"), e.currency },
                { QStringLiteral("account"), e.account }, { QStringLiteral("counterparty"), e.counterparty },
                { QStringLiteral("purpose"), e.purpose }, { QStringLiteral("source_file"), e.sourceFile },
                { QStringLiteral("source_row"), qint64(e.sourceRow) },
                { QStringLiteral("external_id"), e.externalId.isEmpty() ? QJsonValue() : QJsonValue(e.externalId) } });
    }
    QJsonArray historyJson;
    for (const StateChange &change : history)
        historyJson.append(QJsonObject { { QStringLiteral("from"), change.from }, { QStringLiteral("to"), change.to },
                                         { QStringLiteral("reason"), change.reason }, { QStringLiteral("at"), change.at },
                                         { QStringLiteral("by"), change.by }, { QStringLiteral("undone"), change.undone } });
    QJsonArray notesJson;
    for (const Note &note : notes)
        notesJson.append(QJsonObject { { QStringLiteral("id"), qint64(note.id) }, { QStringLiteral("body"), note.body },
                                       { QStringLiteral("tags"), note.tags }, { QStringLiteral("severity"), note.severity },
                                       { QStringLiteral("hypothesis"), note.hypothesis },
                                       { QStringLiteral("created_at"), note.createdAt },
                                       { QStringLiteral("created_by"), note.createdBy } });
    return QJsonObject {
        { QStringLiteral("id"), qint64(row.id) },
        { QStringLiteral("rule"), row.rule },
        { QStringLiteral("typology"), row.typology },
        { QStringLiteral("score"), row.score },
        { QStringLiteral("title"), row.title },
        { QStringLiteral("explanation"), explanation },
        { QStringLiteral("metrics"), metrics },
        { QStringLiteral("state"), row.state },
        { QStringLiteral("state_reason"), stateReason },
        { QStringLiteral("state_by"), stateBy },
        { QStringLiteral("state_at"), stateAt },
        { QStringLiteral("active"), row.active },
        { QStringLiteral("window_start"), iso(row.windowStart) },
        { QStringLiteral("window_end"), iso(row.windowEnd) },
        { QStringLiteral("subjects"), subjectsJson },
        { QStringLiteral("accounts"), accountsJson },
        { QStringLiteral("evidence"), evidenceJson },
        { QStringLiteral("history"), historyJson },
        { QStringLiteral("annotations"), notesJson },
    };
}

} // namespace fundtrace::detect
