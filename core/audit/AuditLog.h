#pragma once

#include "db/Database.h"

#include <QString>
#include <QVariantMap>
#include <cstdint>

namespace fundtrace::audit {

// Appends who-did-what records to the case's audit_log. Call inside the same transaction as the
// change it records, so the log and the data never disagree.
class AuditLog {
public:
    explicit AuditLog(db::Database &db);
    void record(const QString &action, const QString &objectType, std::int64_t objectId,
                const QVariantMap &details = {});

private:
    db::Database &m_db;
};

} // namespace fundtrace::audit
