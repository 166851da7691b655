#pragma once

#include <QString>
#include <cstdint>
#include <optional>

namespace fundtrace::query {

// What the transactions table, `fundtrace-cli transactions` and later views filter by.
// Unset members do not filter.
struct TransactionFilter {
    QString account;                          // account identifier, matched on the normalised form
                                              // (own side or counterparty side)
    std::optional<std::int64_t> fromUtc;     // inclusive, Unix seconds
    std::optional<std::int64_t> toUtc;       // exclusive, Unix seconds
    std::optional<std::int64_t> minAmountMinor;
    std::optional<std::int64_t> maxAmountMinor;
    QString currency;
    QString direction;                        // "C" or "D"
    QString text;                             // words searched with FTS5 in purpose and names
    std::optional<std::int64_t> sourceId;

    bool isEmpty() const
    {
        return account.isEmpty() && !fromUtc && !toUtc && !minAmountMinor && !maxAmountMinor
                && currency.isEmpty() && direction.isEmpty() && text.isEmpty() && !sourceId;
    }
};

} // namespace fundtrace::query
