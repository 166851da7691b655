#include "audit/AuditLog.h"

#include "util/SystemInfo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fundtrace::audit {

AuditLog::AuditLog(db::Database &db)
    : m_db(db)
{
}

void AuditLog::record(const QString &action, const QString &objectType, std::int64_t objectId,
                      const QVariantMap &details)
{
    db::Statement statement = m_db.prepare(
            "INSERT INTO audit_log(at, os_user, action, object_type, object_id, details) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    statement.bind(1, util::utcNowIso()).bind(2, util::osUserName()).bind(3, action);
    if (objectType.isEmpty())
        statement.bindNull(4).bindNull(5);
    else
        statement.bind(4, objectType).bind(5, objectId);
    if (details.isEmpty())
        statement.bindNull(6);
    else
        statement.bind(6, QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(details))
                                                    .toJson(QJsonDocument::Compact)));
    statement.run();
}

} // namespace fundtrace::audit
