#pragma once

#include "db/Database.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace fundtrace::query {

// One imported file as the sources panel lists it: what it was, how it was read and what came of it.
struct SourceRow {
    std::int64_t id = 0;
    QString fileName;
    QString filePath;
    QString format;
    QString encoding;
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsRejected = 0;
    QString importedAt;                   // ISO 8601 UTC
    QString importedBy;
    QString sha256;
    std::int64_t sizeBytes = 0;
    std::optional<std::int64_t> durationMs;
};

// Read-only listing of a case's sources. Cases hold tens of files, not millions, so the whole
// list is returned at once.
class SourceQuery {
public:
    explicit SourceQuery(const db::Database &db);

    std::vector<SourceRow> all() const;   // in import order
    std::optional<SourceRow> byId(std::int64_t id) const;

private:
    const db::Database &m_db;
};

} // namespace fundtrace::query
