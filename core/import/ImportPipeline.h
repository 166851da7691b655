#pragma once

#include "db/Database.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"
#include "import/RowSource.h"

#include <QString>

namespace fundtrace::import {

// Moves rows from a RowSource into the case on two threads: a parsing thread reads, converts
// and resolves ids into batches (BatchBuilder), the calling thread inserts them (BatchWriter)
// inside the caller's open transaction. Memory is bounded by a few batches in flight.
class ImportPipeline {
public:
    struct Settings {
        QString casePath;                 // for the parsing thread's read-only connection
        QString fileName;                 // named in rejects
        std::int64_t sourceId = 0;
        bool strict = false;
    };

    // Thrown when the cancel flag is seen, or (StrictAbort) at the first bad row in strict mode;
    // the caller rolls back.
    struct Cancelled { };
    struct StrictAbort { };

    ImportPipeline(db::Database &db, Settings settings);

    // Fills rows read/imported/rejected, rejects and newAccounts of `result`.
    void run(RowSource &source, ImportResult &result, const std::function<void(const ImportProgress &)> &progress,
             const CancelFlag *cancel);

private:
    db::Database &m_db;
    Settings m_settings;
};

} // namespace fundtrace::import
