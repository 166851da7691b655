#include "query/SourceQuery.h"

#include <string>

namespace fundtrace::query {
namespace {

constexpr const char *kSourceColumns
        = "SELECT id, file_name, file_path, format, encoding, rows_read, rows_imported,"
          " rows_rejected, imported_at, imported_by, sha256, size_bytes, duration_ms FROM sources";

SourceRow readSource(const db::Statement &statement)
{
    SourceRow row;
    row.id = statement.int64(0);
    row.fileName = statement.qtext(1);
    row.filePath = statement.qtext(2);
    row.format = statement.qtext(3);
    row.encoding = statement.qtext(4);
    row.rowsRead = statement.int64(5);
    row.rowsImported = statement.int64(6);
    row.rowsRejected = statement.int64(7);
    row.importedAt = statement.qtext(8);
    row.importedBy = statement.qtext(9);
    row.sha256 = statement.qtext(10);
    row.sizeBytes = statement.int64(11);
    row.durationMs = statement.optionalInt64(12);
    return row;
}

} // namespace

SourceQuery::SourceQuery(const db::Database &db)
    : m_db(db)
{
}

std::vector<SourceRow> SourceQuery::all() const
{
    db::Statement statement = m_db.prepare(std::string(kSourceColumns) + " ORDER BY id");
    std::vector<SourceRow> rows;
    while (statement.step())
        rows.push_back(readSource(statement));
    return rows;
}

std::optional<SourceRow> SourceQuery::byId(std::int64_t id) const
{
    db::Statement statement = m_db.prepare(std::string(kSourceColumns) + " WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return readSource(statement);
}

} // namespace fundtrace::query
