#include "entities/SubjectGroups.h"

#include "entities/ResolutionError.h"
#include "util/SystemInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace fundtrace::entities {

SubjectGroups::SubjectGroups(db::Database &db)
    : m_db(db)
{
}

void SubjectGroups::requireSubject(std::int64_t subjectId) const
{
    db::Statement exists = m_db.prepare("SELECT 1 FROM subjects WHERE id = ?1");
    exists.bind(1, subjectId);
    if (!exists.step())
        throw ResolutionError(QStringLiteral("There is no subject %1 in this case.").arg(subjectId));
}

std::int64_t SubjectGroups::rootOf(std::int64_t subjectId) const
{
    db::Statement select = m_db.prepare("SELECT coalesce(merged_into, id) FROM subjects WHERE id = ?1");
    select.bind(1, subjectId);
    if (!select.step())
        throw ResolutionError(QStringLiteral("There is no subject %1 in this case.").arg(subjectId));
    return select.int64(0);
}

QVector<std::int64_t> SubjectGroups::members(std::int64_t rootId) const
{
    QVector<std::int64_t> ids { rootId };
    db::Statement select = m_db.prepare("SELECT id FROM subjects WHERE merged_into = ?1 ORDER BY id");
    select.bind(1, rootId);
    while (select.step())
        ids.append(select.int64(0));
    return ids;
}

std::int64_t SubjectGroups::merge(const QVector<std::int64_t> &subjectIds, const QString &reason, bool automatic)
{
    QVector<std::int64_t> roots;
    for (const std::int64_t id : subjectIds) {
        const std::int64_t root = rootOf(id);
        if (!roots.contains(root))
            roots.append(root);
    }
    if (roots.size() < 2)
        return 0;
    std::sort(roots.begin(), roots.end());
    const std::int64_t target = roots.front();
    QVector<Move> moves;
    for (qsizetype i = 1; i < roots.size(); ++i) {
        for (const std::int64_t member : members(roots[i]))
            moves.append({ member, member == roots[i] ? 0 : roots[i], target });
    }
    apply(moves, true);
    return record(QStringLiteral("merge"), target, moves, reason, automatic);
}

std::int64_t SubjectGroups::split(std::int64_t subjectId, const QString &reason)
{
    requireSubject(subjectId);
    const std::int64_t root = rootOf(subjectId);
    const QVector<std::int64_t> group = members(root);
    if (group.size() < 2)
        return 0;
    QVector<Move> moves;
    if (subjectId != root) {
        moves.append({ subjectId, root, 0 });
    } else {
        const std::int64_t newRoot = group[1];
        for (qsizetype i = 1; i < group.size(); ++i)
            moves.append({ group[i], root, group[i] == newRoot ? 0 : newRoot });
    }
    apply(moves, true);
    return record(QStringLiteral("split"), root, moves, reason, false);
}

void SubjectGroups::apply(const QVector<Move> &moves, bool forward)
{
    db::Statement update = m_db.prepare("UPDATE subjects SET merged_into = ?2 WHERE id = ?1");
    for (const Move &move : moves) {
        const std::int64_t to = forward ? move.after : move.before;
        update.bind(1, move.id);
        if (to == 0)
            update.bindNull(2);
        else
            update.bind(2, to);
        update.run();
    }
}

std::int64_t SubjectGroups::record(const QString &kind, std::int64_t rootId, const QVector<Move> &moves,
                                   const QString &reason, bool automatic)
{
    QJsonArray members;
    for (const Move &move : moves) {
        members.append(QJsonObject { { QStringLiteral("id"), qint64(move.id) },
                                     { QStringLiteral("before"), move.before ? QJsonValue(qint64(move.before)) : QJsonValue() },
                                     { QStringLiteral("after"), move.after ? QJsonValue(qint64(move.after)) : QJsonValue() } });
    }
    db::Statement insert = m_db.prepare(
            "INSERT INTO subject_operations(kind, root_id, members, automatic, reason, at, by_user) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, kind).bind(2, rootId)
            .bind(3, QString::fromUtf8(QJsonDocument(members).toJson(QJsonDocument::Compact)))
            .bind(4, automatic ? 1 : 0).bind(6, util::utcNowIso()).bind(7, util::osUserName());
    if (reason.isEmpty())
        insert.bindNull(5);
    else
        insert.bind(5, reason);
    insert.run();
    return m_db.lastInsertRowId();
}

void SubjectGroups::undo(std::int64_t operationId)
{
    db::Statement select = m_db.prepare("SELECT members, undone_at FROM subject_operations WHERE id = ?1");
    select.bind(1, operationId);
    if (!select.step())
        throw ResolutionError(QStringLiteral("There is no merge or split %1 to undo.").arg(operationId));
    if (!select.isNull(1))
        throw ResolutionError(QStringLiteral("Operation %1 was already undone.").arg(operationId));
    QVector<Move> moves;
    const QJsonArray members = QJsonDocument::fromJson(select.qtext(0).toUtf8()).array();
    for (const QJsonValue &value : members) {
        const QJsonObject object = value.toObject();
        moves.append({ object.value(u"id").toInteger(), object.value(u"before").toInteger(),
                       object.value(u"after").toInteger() });
    }
    db::Statement current = m_db.prepare("SELECT coalesce(merged_into, 0) FROM subjects WHERE id = ?1");
    for (const Move &move : moves) {
        current.bind(1, move.id);
        if (!current.step() || current.int64(0) != move.after) {
            throw ResolutionError(
                    QStringLiteral("Operation %1 cannot be undone: subject %2 has been merged or split again "
                                   "since. Undo the later operation first.")
                            .arg(operationId).arg(move.id));
        }
        current.reset();
    }
    apply(moves, false);
    db::Statement mark = m_db.prepare("UPDATE subject_operations SET undone_at = ?2, undone_by = ?3 WHERE id = ?1");
    mark.bind(1, operationId).bind(2, util::utcNowIso()).bind(3, util::osUserName()).run();
}

std::int64_t SubjectGroups::lastOperation() const
{
    return m_db.scalarInt("SELECT coalesce(max(id), 0) FROM subject_operations WHERE undone_at IS NULL");
}

} // namespace fundtrace::entities
