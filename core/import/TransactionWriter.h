#pragma once

#include "db/Database.h"
#include "import/ParsedTransaction.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fundtrace::import {

// Writes parsed transactions of one source into the case, inside the caller's transaction:
// finds or creates accounts by normalised identifier, stores each distinct purpose or name once
// in `texts`, and indexes the new texts for full-text search in finish(). Caches keep the hot
// path to one INSERT per row.
class TransactionWriter {
public:
    TransactionWriter(db::Database &db, std::int64_t sourceId);

    void write(const ParsedTransaction &transaction);
    // Indexes the texts added by this writer in texts_fts; call once before commit.
    void finish();

    std::int64_t newAccounts() const { return m_newAccounts; }

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
    };
    using IdMap = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;

    std::int64_t accountId(std::string_view identifier, std::string_view holder, std::string_view taxId,
                           std::string_view institution, std::string_view currency);
    std::int64_t textId(std::string_view text);

    db::Database &m_db;
    std::int64_t m_sourceId;
    db::Statement m_insertTransaction;
    db::Statement m_insertAccount;
    db::Statement m_findText;
    db::Statement m_insertText;
    IdMap m_accounts;
    IdMap m_texts;
    std::string m_normalized;
    std::int64_t m_lastTextIdBefore = 0;
    std::int64_t m_newAccounts = 0;
};

} // namespace fundtrace::import
