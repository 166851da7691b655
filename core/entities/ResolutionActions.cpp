#include "entities/ResolutionActions.h"

#include "audit/AuditLog.h"
#include "entities/ResolutionDecisions.h"
#include "entities/ResolutionError.h"
#include "entities/SubjectGroups.h"
#include "util/SystemInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fundtrace::entities {
namespace {

QVariantList idList(const QVector<std::int64_t> &ids)
{
    QVariantList list;
    for (const std::int64_t id : ids)
        list << qint64(id);
    return list;
}

} // namespace

ResolutionActions::ResolutionActions(db::Database &db)
    : m_db(db)
{
}

std::pair<std::int64_t, std::int64_t> ResolutionActions::candidatePair(std::int64_t candidateId) const
{
    db::Statement select = m_db.prepare("SELECT subject_a, subject_b FROM resolution_candidates WHERE id = ?1");
    select.bind(1, candidateId);
    if (!select.step())
        throw ResolutionError(QStringLiteral("There is no candidate pair %1.").arg(candidateId));
    return { select.int64(0), select.int64(1) };
}

std::int64_t ResolutionActions::confirmCandidate(std::int64_t candidateId, const QString &reason)
{
    db::Transaction transaction(m_db);
    const auto [a, b] = candidatePair(candidateId);
    SubjectGroups groups(m_db);
    const std::int64_t operation = groups.merge({ a, b }, reason.isEmpty() ? QStringLiteral("candidate confirmed") : reason, false);
    db::Statement update = m_db.prepare(
            "UPDATE resolution_candidates SET state = 'confirmed', decided_at = ?2, decided_by = ?3, reason = ?4 WHERE id = ?1");
    update.bind(1, candidateId).bind(2, util::utcNowIso()).bind(3, util::osUserName()).bind(4, reason).run();
    audit::AuditLog(m_db).record(QStringLiteral("subject.candidate_confirm"), QStringLiteral("subject"), groups.rootOf(a),
                                 { { QStringLiteral("candidate"), qint64(candidateId) },
                                   { QStringLiteral("operation"), qint64(operation) },
                                   { QStringLiteral("reason"), reason } });
    transaction.commit();
    return operation;
}

void ResolutionActions::rejectCandidate(std::int64_t candidateId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        throw ResolutionError(QStringLiteral("Say why the pair is not the same subject."));
    db::Transaction transaction(m_db);
    const auto [a, b] = candidatePair(candidateId);
    ResolutionDecisions::recordRejection(m_db, a, b, reason);
    audit::AuditLog(m_db).record(QStringLiteral("subject.candidate_reject"), QStringLiteral("subject"), a,
                                 { { QStringLiteral("candidate"), qint64(candidateId) },
                                   { QStringLiteral("other"), qint64(b) },
                                   { QStringLiteral("reason"), reason } });
    transaction.commit();
}

std::int64_t ResolutionActions::merge(const QVector<std::int64_t> &subjectIds, const QString &reason)
{
    if (subjectIds.size() < 2)
        throw ResolutionError(QStringLiteral("Choose at least two subjects to merge."));
    db::Transaction transaction(m_db);
    SubjectGroups groups(m_db);
    const std::int64_t operation = groups.merge(subjectIds, reason, false);
    if (operation == 0)
        throw ResolutionError(QStringLiteral("These subjects are already one subject."));
    audit::AuditLog(m_db).record(QStringLiteral("subject.merge"), QStringLiteral("subject"), groups.rootOf(subjectIds.front()),
                                 { { QStringLiteral("subjects"), idList(subjectIds) },
                                   { QStringLiteral("operation"), qint64(operation) },
                                   { QStringLiteral("reason"), reason } });
    transaction.commit();
    return operation;
}

std::int64_t ResolutionActions::split(std::int64_t subjectId, const QString &reason)
{
    db::Transaction transaction(m_db);
    SubjectGroups groups(m_db);
    const QVector<std::int64_t> before = groups.members(groups.rootOf(subjectId));
    const std::int64_t operation = groups.split(subjectId, reason);
    if (operation == 0)
        throw ResolutionError(QStringLiteral("Subject %1 is not merged with anything.").arg(subjectId));
    // Kept apart from then on, even where an IIN or an account would merge them again.
    for (const std::int64_t other : before) {
        if (other != subjectId)
            ResolutionDecisions::recordSeparation(m_db, subjectId, other, operation);
    }
    audit::AuditLog(m_db).record(QStringLiteral("subject.split"), QStringLiteral("subject"), subjectId,
                                 { { QStringLiteral("from"), idList(before) },
                                   { QStringLiteral("operation"), qint64(operation) },
                                   { QStringLiteral("reason"), reason } });
    transaction.commit();
    return operation;
}

void ResolutionActions::undo(std::int64_t operationId)
{
    db::Transaction transaction(m_db);
    db::Statement select = m_db.prepare("SELECT kind, automatic, members, root_id FROM subject_operations WHERE id = ?1");
    select.bind(1, operationId);
    if (!select.step())
        throw ResolutionError(QStringLiteral("There is no merge or split %1 to undo.").arg(operationId));
    const QString kind = select.qtext(0);
    const bool automatic = select.int64(1) != 0;
    const std::int64_t root = select.int64(3);
    QVector<std::int64_t> moved;
    for (const QJsonValue &member : QJsonDocument::fromJson(select.qtext(2).toUtf8()).array())
        moved.append(member.toObject().value(u"id").toInteger());
    select.reset();

    SubjectGroups groups(m_db);
    const QVector<std::int64_t> targetGroup = kind == u"merge" ? groups.members(root) : QVector<std::int64_t> {};
    groups.undo(operationId);
    if (kind == u"split") {
        ResolutionDecisions::forgetSeparations(m_db, operationId);
    } else {
        // Undoing a merge says the subjects are different: an automatic merge is not redone, and
        // a confirmed candidate goes back to the investigator's list.
        for (const std::int64_t member : moved) {
            for (const std::int64_t other : targetGroup) {
                if (moved.contains(other))
                    continue;
                if (automatic)
                    ResolutionDecisions::recordSeparation(m_db, member, other, operationId);
                db::Statement reopen = m_db.prepare(
                        "UPDATE resolution_candidates SET state = 'open', decided_at = NULL, decided_by = NULL, reason = NULL "
                        "WHERE state = 'confirmed' AND subject_a = min(?1, ?2) AND subject_b = max(?1, ?2)");
                reopen.bind(1, member).bind(2, other).run();
            }
        }
    }
    audit::AuditLog(m_db).record(QStringLiteral("subject.undo"), QStringLiteral("subject"), root,
                                 { { QStringLiteral("operation"), qint64(operationId) },
                                   { QStringLiteral("kind"), kind } });
    transaction.commit();
}

std::int64_t ResolutionActions::undoLast()
{
    const std::int64_t last = SubjectGroups(m_db).lastOperation();
    if (last != 0)
        undo(last);
    return last;
}

} // namespace fundtrace::entities
