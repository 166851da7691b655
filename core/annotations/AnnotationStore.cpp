#include "annotations/AnnotationStore.h"

#include "audit/AuditLog.h"
#include "query/FtsQuery.h"
#include "util/SystemInfo.h"

namespace fundtrace::annotations {
namespace {

constexpr const char *kColumns = "id, object_type, coalesce(object_id, 0), body, coalesce(tags, ''), coalesce(severity, ''), "
                                 "coalesce(hypothesis, ''), created_at, created_by, coalesce(updated_at, '')";

Annotation read(const db::Statement &row)
{
    return { row.int64(0), row.qtext(1), row.int64(2), row.qtext(3), row.qtext(4), row.qtext(5),
             row.qtext(6), row.qtext(7), row.qtext(8), row.qtext(9) };
}

void bindOptional(db::Statement &statement, int index, const QString &value)
{
    if (value.trimmed().isEmpty())
        statement.bindNull(index);
    else
        statement.bind(index, value.trimmed());
}

} // namespace

AnnotationStore::AnnotationStore(db::Database &db)
    : m_db(db)
{
}

bool AnnotationStore::isObjectType(const QString &type)
{
    return type == u"transaction" || type == u"account" || type == u"subject" || type == u"alert" || type == u"selection";
}

bool AnnotationStore::isSeverity(const QString &severity)
{
    return severity.isEmpty() || severity == u"info" || severity == u"low" || severity == u"medium" || severity == u"high";
}

void AnnotationStore::validate(const Annotation &annotation) const
{
    if (!isObjectType(annotation.objectType))
        throw AnnotationError(QStringLiteral("Notes attach to a transaction, account, subject, alert or selection, not "
                                             "\"%1\".").arg(annotation.objectType));
    if (annotation.body.trimmed().isEmpty())
        throw AnnotationError(QStringLiteral("A note needs some text."));
    if (!isSeverity(annotation.severity))
        throw AnnotationError(QStringLiteral("Severity is info, low, medium or high, not \"%1\".").arg(annotation.severity));
}

std::int64_t AnnotationStore::add(const Annotation &annotation)
{
    validate(annotation);
    db::Transaction transaction(m_db);
    db::Statement insert = m_db.prepare(
            "INSERT INTO annotations(object_type, object_id, body, tags, severity, hypothesis, created_at, created_by) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, annotation.objectType).bind(2, annotation.objectId).bind(3, annotation.body.trimmed());
    bindOptional(insert, 4, annotation.tags);
    bindOptional(insert, 5, annotation.severity);
    bindOptional(insert, 6, annotation.hypothesis);
    insert.bind(7, util::utcNowIso()).bind(8, util::osUserName()).run();
    const std::int64_t id = m_db.lastInsertRowId();
    audit::AuditLog(m_db).record(QStringLiteral("annotation.add"), annotation.objectType, annotation.objectId,
                                 { { QStringLiteral("annotation"), qint64(id) } });
    transaction.commit();
    return id;
}

void AnnotationStore::update(const Annotation &annotation)
{
    validate(annotation);
    db::Transaction transaction(m_db);
    db::Statement select = m_db.prepare("SELECT body FROM annotations WHERE id = ?1");
    select.bind(1, annotation.id);
    if (!select.step())
        throw AnnotationError(QStringLiteral("There is no note %1.").arg(annotation.id));
    const QString before = select.qtext(0);
    select.reset();
    db::Statement change = m_db.prepare(
            "UPDATE annotations SET body = ?2, tags = ?3, severity = ?4, hypothesis = ?5, updated_at = ?6 WHERE id = ?1");
    change.bind(1, annotation.id).bind(2, annotation.body.trimmed());
    bindOptional(change, 3, annotation.tags);
    bindOptional(change, 4, annotation.severity);
    bindOptional(change, 5, annotation.hypothesis);
    change.bind(6, util::utcNowIso()).run();
    audit::AuditLog(m_db).record(QStringLiteral("annotation.edit"), QStringLiteral("annotation"), annotation.id,
                                 { { QStringLiteral("before"), before } });
    transaction.commit();
}

void AnnotationStore::remove(std::int64_t id)
{
    db::Transaction transaction(m_db);
    db::Statement select = m_db.prepare(QStringLiteral("SELECT %1 FROM annotations WHERE id = ?1").arg(QLatin1String(kColumns)).toStdString());
    select.bind(1, id);
    if (!select.step())
        throw AnnotationError(QStringLiteral("There is no note %1.").arg(id));
    const Annotation old = read(select);
    select.reset();
    db::Statement remove = m_db.prepare("DELETE FROM annotations WHERE id = ?1");
    remove.bind(1, id).run();
    audit::AuditLog(m_db).record(QStringLiteral("annotation.remove"), old.objectType, old.objectId,
                                 { { QStringLiteral("annotation"), qint64(id) }, { QStringLiteral("body"), old.body },
                                   { QStringLiteral("tags"), old.tags }, { QStringLiteral("hypothesis"), old.hypothesis } });
    transaction.commit();
}

QVector<Annotation> AnnotationStore::forObject(const QString &objectType, std::int64_t objectId) const
{
    db::Statement select = m_db.prepare(
            QStringLiteral("SELECT %1 FROM annotations WHERE object_type = ?1 AND object_id = ?2 ORDER BY id")
                    .arg(QLatin1String(kColumns)).toStdString());
    select.bind(1, objectType).bind(2, objectId);
    QVector<Annotation> notes;
    while (select.step())
        notes.append(read(select));
    return notes;
}

QVector<Annotation> AnnotationStore::search(const QString &query, int limit) const
{
    const QString expression = query::toFtsQuery(query);
    if (expression.isEmpty())
        return {};
    db::Statement select = m_db.prepare(
            QStringLiteral("SELECT %1 FROM annotations WHERE id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts "
                           "MATCH ?1 ORDER BY rank LIMIT ?2) ORDER BY id DESC").arg(QLatin1String(kColumns)).toStdString());
    select.bind(1, expression).bind(2, limit);
    QVector<Annotation> notes;
    while (select.step())
        notes.append(read(select));
    return notes;
}

} // namespace fundtrace::annotations
