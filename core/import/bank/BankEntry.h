#pragma once

#include "import/ParsedTransaction.h"

#include <cstdint>
#include <string>

namespace fundtrace::import {

// One statement row with its texts owned, so a RowSource can hand out ParsedTransaction views
// that stay valid until its next row. Shared by the 1C, MT940 and camt sources.
struct BankEntry {
    std::int64_t bookedAt = 0;
    std::string bookedText;
    char direction = 'C';
    std::int64_t amountMinor = 0;
    std::string currency;
    std::string account;
    std::string accountHolder;
    std::string accountHolderTaxId;
    std::string accountInstitution;
    std::string counterpartyName;
    std::string counterpartyAccount;
    std::string counterpartyTaxId;
    std::string counterpartyBank;
    std::string purpose;
    std::string channel;
    std::string externalId;
    std::int64_t line = 0;
    bool booked = true;             // false: pending or information only, not in the balances

    void clear() { *this = BankEntry {}; }
    // Views into this entry; valid while it is neither changed nor destroyed.
    void fill(ParsedTransaction &out, std::int64_t sourceRow) const;
};

} // namespace fundtrace::import
