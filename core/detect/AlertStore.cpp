#include "detect/AlertStore.h"

#include "util/Logging.h"

#include <QJsonDocument>
#include <QSet>

namespace fundtrace::detect {

AlertStore::AlertStore(db::Database &db, const DetectionContext &context)
    : m_db(db)
    , m_context(context)
{
}

AlertStore::Counts AlertStore::save(std::int64_t runId, const std::vector<AlertDraft> &drafts, const QStringList &rulesRun,
                                    const QHash<QString, QString> &typologies)
{
    Counts counts;
    db::Statement upsert = m_db.prepare(
            "INSERT INTO alerts(fingerprint, rule, typology, score, title, explanation, metrics, window_start, window_end, "
            "first_run_id, last_run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
            "ON CONFLICT(fingerprint) DO UPDATE SET typology = excluded.typology, score = excluded.score, "
            "title = excluded.title, explanation = excluded.explanation, metrics = excluded.metrics, "
            "window_start = excluded.window_start, window_end = excluded.window_end, active = 1, "
            "last_run_id = excluded.last_run_id RETURNING id, first_run_id");
    db::Statement clearSubjects = m_db.prepare("DELETE FROM alert_subjects WHERE alert_id = ?1");
    db::Statement clearAccounts = m_db.prepare("DELETE FROM alert_accounts WHERE alert_id = ?1");
    db::Statement clearEvidence = m_db.prepare("DELETE FROM alert_evidence WHERE alert_id = ?1");
    db::Statement addSubject = m_db.prepare("INSERT OR IGNORE INTO alert_subjects(alert_id, subject_id) VALUES (?1, ?2)");
    db::Statement addAccount = m_db.prepare("INSERT OR IGNORE INTO alert_accounts(alert_id, account_id) VALUES (?1, ?2)");
    db::Statement addEvidence = m_db.prepare(
            "INSERT OR IGNORE INTO alert_evidence(alert_id, transaction_id, role, ordinal) VALUES (?1, ?2, ?3, ?4)");

    QSet<QString> seen;
    for (const AlertDraft &draft : drafts) {
        const QString fingerprint = draft.ruleId + u'|' + draft.key;
        if (seen.contains(fingerprint)) {
            // Two findings with one identity would overwrite each other: keep the first, say so.
            log::get("detect")->warn("rule {} produced the key '{}' twice; the second finding was ignored",
                                     draft.ruleId.toStdString(), draft.key.toStdString());
            continue;
        }
        seen.insert(fingerprint);
        upsert.bind(1, fingerprint).bind(2, draft.ruleId).bind(3, typologies.value(draft.ruleId, draft.ruleId))
                .bind(4, std::clamp(draft.score, 0, 100)).bind(5, draft.title).bind(6, draft.explanation)
                .bind(7, QString::fromUtf8(QJsonDocument(draft.metrics).toJson(QJsonDocument::Compact)))
                .bind(8, draft.windowStart).bind(9, draft.windowEnd).bind(10, runId);
        if (!upsert.step())
            throw db::DbError(0, "alert upsert returned no row");
        const std::int64_t alertId = upsert.int64(0);
        if (upsert.int64(1) == runId)
            ++counts.created;
        else
            ++counts.updated;
        upsert.reset();

        clearSubjects.bind(1, alertId).run();
        clearAccounts.bind(1, alertId).run();
        clearEvidence.bind(1, alertId).run();
        for (const std::int32_t subject : draft.subjects)
            addSubject.bind(1, alertId).bind(2, m_context.subjects()[std::size_t(subject)].id).run();
        for (const std::int32_t account : draft.accounts)
            addAccount.bind(1, alertId).bind(2, m_context.accounts()[std::size_t(account)].id).run();
        int ordinal = 0;
        for (const Evidence &evidence : draft.evidence) {
            addEvidence.bind(1, alertId).bind(2, m_context.transactions()[evidence.row].id);
            if (evidence.role.isEmpty())
                addEvidence.bindNull(3);
            else
                addEvidence.bind(3, evidence.role);
            addEvidence.bind(4, ordinal++).run();
        }
    }

    db::Statement close = m_db.prepare(
            "UPDATE alerts SET active = 0 WHERE rule = ?1 AND active = 1 AND last_run_id != ?2");
    for (const QString &rule : rulesRun) {
        close.bind(1, rule).bind(2, runId).run();
        counts.closed += m_db.changes();
    }
    return counts;
}

} // namespace fundtrace::detect
