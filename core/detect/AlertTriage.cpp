#include "detect/AlertTriage.h"

#include "audit/AuditLog.h"
#include "util/SystemInfo.h"

namespace fundtrace::detect {

AlertTriage::AlertTriage(db::Database &db)
    : m_db(db)
{
}

bool AlertTriage::isState(const QString &state)
{
    return state == u"new" || state == u"in_review" || state == u"confirmed" || state == u"dismissed";
}

std::int64_t AlertTriage::setState(const QVector<std::int64_t> &alertIds, const QString &state, const QString &reason)
{
    if (!isState(state))
        throw TriageError(QStringLiteral("\"%1\" is not an alert state (new, in_review, confirmed, dismissed).").arg(state));
    if (state == u"dismissed" && reason.trimmed().isEmpty())
        throw TriageError(QStringLiteral("Say why the alert is dismissed; the reason is kept with it."));
    if (alertIds.isEmpty())
        throw TriageError(QStringLiteral("Choose at least one alert."));
    db::Transaction transaction(m_db);
    const std::int64_t batch = m_db.scalarInt("SELECT coalesce(max(batch), 0) + 1 FROM alert_state_changes");
    const QString now = util::utcNowIso();
    const QString user = util::osUserName();
    db::Statement current = m_db.prepare("SELECT state FROM alerts WHERE id = ?1");
    db::Statement update = m_db.prepare(
            "UPDATE alerts SET state = ?2, state_reason = ?3, state_by = ?4, state_at = ?5 WHERE id = ?1");
    db::Statement log = m_db.prepare(
            "INSERT INTO alert_state_changes(batch, alert_id, from_state, to_state, reason, at, by_user) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    audit::AuditLog audit(m_db);
    for (const std::int64_t id : alertIds) {
        current.bind(1, id);
        if (!current.step())
            throw TriageError(QStringLiteral("There is no alert %1.").arg(id));
        const QString from = current.qtext(0);
        current.reset();
        if (from == state)
            continue;
        update.bind(1, id).bind(2, state).bind(3, reason).bind(4, user).bind(5, now).run();
        log.bind(1, batch).bind(2, id).bind(3, from).bind(4, state).bind(5, reason).bind(6, now).bind(7, user).run();
        audit.record(QStringLiteral("alert.state"), QStringLiteral("alert"), id,
                     { { QStringLiteral("from"), from }, { QStringLiteral("to"), state },
                       { QStringLiteral("reason"), reason }, { QStringLiteral("batch"), qint64(batch) } });
    }
    transaction.commit();
    return batch;
}

void AlertTriage::undo(std::int64_t batch)
{
    db::Transaction transaction(m_db);
    db::Statement changes = m_db.prepare(
            "SELECT c.id, c.alert_id, c.from_state, c.to_state, a.state, c.undone_at IS NOT NULL FROM alert_state_changes c "
            "JOIN alerts a ON a.id = c.alert_id WHERE c.batch = ?1");
    changes.bind(1, batch);
    struct Change {
        std::int64_t id, alert;
        QString from;
    };
    QVector<Change> undo;
    while (changes.step()) {
        if (changes.int64(5) != 0)
            throw TriageError(QStringLiteral("Triage change %1 was already undone.").arg(batch));
        if (changes.qtext(3) != changes.qtext(4))
            throw TriageError(QStringLiteral("Alert %1 changed state again since; undo that first.").arg(changes.int64(1)));
        undo.append({ changes.int64(0), changes.int64(1), changes.qtext(2) });
    }
    if (undo.isEmpty())
        throw TriageError(QStringLiteral("There is no triage change %1 to undo.").arg(batch));
    // The state before, with the reason and who/when of the change before that, if any.
    db::Statement restore = m_db.prepare(
            "UPDATE alerts SET state = ?2, state_reason = (SELECT reason FROM alert_state_changes WHERE alert_id = ?1 "
            "AND id < ?3 AND undone_at IS NULL ORDER BY id DESC LIMIT 1), "
            "state_by = (SELECT by_user FROM alert_state_changes WHERE alert_id = ?1 AND id < ?3 AND undone_at IS NULL "
            "ORDER BY id DESC LIMIT 1), state_at = (SELECT at FROM alert_state_changes WHERE alert_id = ?1 AND id < ?3 "
            "AND undone_at IS NULL ORDER BY id DESC LIMIT 1) WHERE id = ?1");
    db::Statement mark = m_db.prepare("UPDATE alert_state_changes SET undone_at = ?2 WHERE id = ?1");
    const QString now = util::utcNowIso();
    audit::AuditLog audit(m_db);
    for (const Change &change : undo) {
        restore.bind(1, change.alert).bind(2, change.from).bind(3, change.id).run();
        mark.bind(1, change.id).bind(2, now).run();
        audit.record(QStringLiteral("alert.state_undo"), QStringLiteral("alert"), change.alert,
                     { { QStringLiteral("to"), change.from }, { QStringLiteral("batch"), qint64(batch) } });
    }
    transaction.commit();
}

std::int64_t AlertTriage::undoLast()
{
    const std::int64_t batch = m_db.scalarInt("SELECT coalesce(max(batch), 0) FROM alert_state_changes WHERE undone_at IS NULL");
    if (batch != 0)
        undo(batch);
    return batch;
}

} // namespace fundtrace::detect
