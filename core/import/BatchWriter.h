#pragma once

#include "db/Database.h"
#include "import/BatchRowsTable.h"
#include "import/ImportBatch.h"

namespace fundtrace::import {

// The writing side of an import: inserts a batch's new texts, new accounts, rows and rejects
// inside the caller's transaction, the rows with one statement a batch (BatchRowsTable).
// finish() indexes the new texts for full-text search in one statement.
class BatchWriter {
public:
    BatchWriter(db::Database &db, std::int64_t sourceId, std::int64_t lastTextIdBefore);

    void write(const ImportBatch &batch);
    void finish();

private:
    db::Database &m_db;
    std::int64_t m_sourceId;
    std::int64_t m_lastTextIdBefore;
    db::Statement m_insertText;
    db::Statement m_insertAccount;
    BatchRowsTable m_rows;
    db::Statement m_insertReject;
};

} // namespace fundtrace::import
