#include "entities/ResolutionDecisions.h"

#include "util/SystemInfo.h"

namespace fundtrace::entities {

ResolutionDecisions::ResolutionDecisions(const db::Database &db)
{
    db::Statement select = db.prepare("SELECT subject_a, subject_b, state FROM resolution_candidates WHERE state != 'open'");
    while (select.step()) {
        const auto pair = ordered(select.int64(0), select.int64(1));
        m_decided.insert(pair);
        if (select.textView(2) == "rejected")
            m_rejected.insert(pair);
    }
    db::Statement separations = db.prepare("SELECT subject_a, subject_b FROM subject_separations");
    while (separations.step()) {
        const auto pair = ordered(separations.int64(0), separations.int64(1));
        m_decided.insert(pair);
        m_rejected.insert(pair);
    }
}

std::pair<std::int64_t, std::int64_t> ResolutionDecisions::ordered(std::int64_t a, std::int64_t b)
{
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

bool ResolutionDecisions::isRejected(std::int64_t a, std::int64_t b) const
{
    return m_rejected.contains(ordered(a, b));
}

bool ResolutionDecisions::isDecided(std::int64_t a, std::int64_t b) const
{
    return m_decided.contains(ordered(a, b));
}

void ResolutionDecisions::recordRejection(db::Database &db, std::int64_t a, std::int64_t b, const QString &reason)
{
    const auto pair = ordered(a, b);
    db::Statement upsert = db.prepare(
            "INSERT INTO resolution_candidates(subject_a, subject_b, score, explanation, state, decided_at, "
            "decided_by, reason) VALUES (?1, ?2, 0, ?3, 'rejected', ?4, ?5, ?3) "
            "ON CONFLICT(subject_a, subject_b) DO UPDATE SET state = 'rejected', decided_at = excluded.decided_at, "
            "decided_by = excluded.decided_by, reason = excluded.reason");
    upsert.bind(1, pair.first).bind(2, pair.second).bind(3, reason).bind(4, util::utcNowIso())
            .bind(5, util::osUserName()).run();
}

void ResolutionDecisions::recordSeparation(db::Database &db, std::int64_t a, std::int64_t b, std::int64_t operationId)
{
    const auto pair = ordered(a, b);
    db::Statement insert = db.prepare(
            "INSERT OR IGNORE INTO subject_separations(subject_a, subject_b, operation_id) VALUES (?1, ?2, ?3)");
    insert.bind(1, pair.first).bind(2, pair.second).bind(3, operationId).run();
}

void ResolutionDecisions::forgetSeparations(db::Database &db, std::int64_t operationId)
{
    db::Statement remove = db.prepare("DELETE FROM subject_separations WHERE operation_id = ?1");
    remove.bind(1, operationId).run();
}

} // namespace fundtrace::entities
