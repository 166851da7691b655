#pragma once

#include "db/Database.h"
#include "import/ImportBatch.h"
#include "import/ParsedTransaction.h"
#include "util/StringIdMap.h"

#include <string>

namespace fundtrace::import {

// The parsing side of an import: turns ParsedTransactions into batch rows, finding or assigning
// the ids of accounts (by normalised identifier) and texts (purposes, names) so the writing side
// only inserts. It reads what is already in the case through its own read-only connection, which
// sees the state committed before the import's transaction began; new ids continue from the
// maxima the writer read inside that transaction. Used by one thread.
class BatchBuilder {
public:
    struct StartIds {
        std::int64_t lastAccountId = 0;
        std::int64_t lastTextId = 0;
    };

    BatchBuilder(const QString &casePath, StartIds start);

    void add(const ParsedTransaction &transaction, ImportBatch &batch);
    std::int64_t newAccounts() const { return m_newAccounts; }

private:
    std::int64_t accountId(std::string_view identifier, std::string_view holder, std::string_view taxId,
                           std::string_view institution, std::string_view currency, ImportBatch &batch);
    std::int64_t textId(std::string_view text, ImportBatch &batch);

    db::Database m_db;
    db::Statement m_findText;
    util::StringIdMap m_accounts;
    util::StringIdMap m_texts;
    std::string m_normalized;
    std::int64_t m_lastAccountId;
    std::int64_t m_lastTextId;
    bool m_caseHasTexts;
    std::int64_t m_newAccounts = 0;
};

} // namespace fundtrace::import
