#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fundtrace::import {

// One source row turned into transaction values, before it is written. Text members are views
// valid until the producer's next row; every importer (CSV now, other formats later) fills this
// and hands it to TransactionWriter.
struct ParsedTransaction {
    std::int64_t sourceRow = 0;
    std::int64_t bookedAt = 0;             // UTC seconds
    std::string_view bookedText;
    char direction = 'C';                  // 'C' into the account, 'D' out of it
    std::int64_t amountMinor = 0;          // >= 0
    std::string_view currency;             // ISO 4217
    std::optional<std::int64_t> amount2Minor;
    std::string_view currency2;
    std::optional<std::int64_t> balanceAfterMinor;
    std::string_view account;
    std::string_view accountHolder;
    std::string_view accountHolderTaxId;
    std::string_view accountInstitution;
    std::string_view counterpartyName;
    std::string_view counterpartyAccount;
    std::string_view counterpartyTaxId;
    std::string_view counterpartyBank;
    std::string_view counterpartyCountry;
    std::string_view country;
    std::string_view purpose;
    std::string_view channel;
    std::string_view externalId;
};

} // namespace fundtrace::import
