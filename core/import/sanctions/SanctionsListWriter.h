#pragma once

#include "db/Database.h"
#include "import/sanctions/SanctionEntry.h"

#include <QString>
#include <cstdint>

namespace fundtrace::import {

// Writes one imported version of a list: starts the sanction_lists row, replacing the current
// version of the same name (is_current = 0, replaced_at, its entries deleted, an audit entry),
// so screening always runs against one current version per list. Runs inside the import's
// transaction, in which foreign keys are off, so it deletes dependent rows itself.
class SanctionsListWriter {
public:
    SanctionsListWriter(db::Database &db, std::int64_t sourceId);

    void begin(const QString &listName, const QString &versionDate);
    bool begun() const { return m_listId != 0; }
    void write(const SanctionEntry &entry);
    // Records the version date (known late for some formats) and the entry count.
    void finish(const QString &versionDate);

    std::int64_t listId() const { return m_listId; }
    std::int64_t entriesWritten() const { return m_entries; }
    // The lists this version replaced.
    std::int64_t replacedCount() const { return m_replaced; }

private:
    void replaceCurrent(const QString &listName);

    db::Database &m_db;
    std::int64_t m_sourceId;
    std::int64_t m_listId = 0;
    std::int64_t m_entries = 0;
    std::int64_t m_replaced = 0;
    db::Statement m_insertEntry;
    db::Statement m_insertName;
    db::Statement m_insertAttribute;
};

} // namespace fundtrace::import
