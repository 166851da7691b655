#pragma once

#include "db/Database.h"
#include "import/ImportBatch.h"

#include <optional>

namespace fundtrace::import {

// Inserts the rows of one ImportBatch into transactions with a single INSERT ... SELECT over an
// eponymous virtual table that reads the batch in memory. One statement a row would open the
// table's cursor, walk down to its end and rebind 21 parameters a million times; here the
// cursor stays open for the whole batch and SQLite reads each value straight from the arena.
//
// The table exists only on this connection and only while the object lives (one at a time per
// connection: the module has one name); it is never part of the case's schema.
class BatchRowsTable {
public:
    BatchRowsTable(db::Database &db, std::int64_t sourceId);
    ~BatchRowsTable();
    BatchRowsTable(const BatchRowsTable &) = delete;
    BatchRowsTable &operator=(const BatchRowsTable &) = delete;

    void insert(const ImportBatch &batch);

    // What the virtual table's cursors read; public only for the module's C callbacks.
    struct Shared {
        const ImportBatch *batch = nullptr;
    };

private:
    db::Database &m_db;
    Shared m_shared;
    std::optional<db::Statement> m_insert;
};

} // namespace fundtrace::import
