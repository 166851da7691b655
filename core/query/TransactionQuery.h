#pragma once

#include "db/Database.h"
#include "query/TransactionFilter.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace fundtrace::query {

// One transaction as the table and the CLI show it, with its provenance.
struct TransactionRow {
    std::int64_t id = 0;
    std::int64_t bookedAt = 0;                // UTC seconds
    QString bookedText;                       // as written in the source
    QString account;                          // own account identifier (as given)
    QString accountHolder;
    QString direction;                        // "C" or "D"
    std::int64_t amountMinor = 0;
    QString currency;
    std::optional<std::int64_t> amount2Minor;
    QString currency2;
    QString counterpartyName;
    QString counterpartyAccount;
    QString counterpartyTaxId;
    QString counterpartyBank;
    QString counterpartyCountry;
    QString channel;
    QString purpose;
    QString externalId;
    std::optional<std::int64_t> balanceAfterMinor;
    std::int64_t sourceId = 0;
    QString sourceFile;
    std::int64_t sourceRow = 0;
};

enum class TransactionSort { BookedAt, Amount, Account, Counterparty, Direction, Currency, Source };

// Read-only queries over transactions, all through prepared statements with bound parameters.
// Paging uses keyset-friendly ORDER BY ... , id so pages are stable.
class TransactionQuery {
public:
    explicit TransactionQuery(const db::Database &db);

    std::int64_t count(const TransactionFilter &filter) const;
    std::vector<TransactionRow> page(const TransactionFilter &filter, TransactionSort sort,
                                     bool descending, std::int64_t offset, int limit) const;
    std::optional<TransactionRow> byId(std::int64_t id) const;

private:
    const db::Database &m_db;
};

} // namespace fundtrace::query
