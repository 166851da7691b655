#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace fundtrace::import {

// What one statement inside a file says about itself (balances, period) and what its rows add
// up to, collected while the rows stream so StatementReconciler can check them afterwards.
struct StatementSummary {
    std::string account;            // as written
    std::string reference;          // statement number / :20: / :28C: / camt Id
    std::string periodStart;        // yyyy-MM-dd
    std::string periodEnd;
    std::string currency;
    std::optional<std::int64_t> openingMinor;   // signed, as stated
    std::optional<std::int64_t> closingMinor;
    std::int64_t creditsMinor = 0;  // sums of the statement's rows that were imported
    std::int64_t debitsMinor = 0;
    std::int64_t rowCount = 0;
    std::int64_t line = 0;          // where the statement starts in the file

    void addRow(char direction, std::int64_t amountMinor)
    {
        ++rowCount;
        if (direction == 'D')
            debitsMinor += amountMinor;
        else
            creditsMinor += amountMinor;
    }
};

} // namespace fundtrace::import
