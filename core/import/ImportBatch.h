#pragma once

#include "import/ImportResult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fundtrace::import {

// A slice of an import handed from the parsing thread to the writing thread: rows with their
// account and text ids already resolved, the accounts and texts first seen in this slice, and
// the rejected rows. Text lives in one arena so a batch is a handful of allocations, not one
// per field.
struct ImportBatch {
    struct Span {
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
    };
    struct NewText {
        std::int64_t id = 0;
        std::int64_t hash = 0;
        Span body;
    };
    struct NewAccount {
        std::int64_t id = 0;
        Span identifier, normalized, institution, currency, holder, taxId;
    };
    struct Row {
        std::int64_t sourceRow = 0;
        std::int64_t bookedAt = 0;
        std::int64_t amountMinor = 0;
        std::optional<std::int64_t> amount2Minor;
        std::optional<std::int64_t> balanceAfterMinor;
        std::int64_t accountId = 0;       // 0 = none
        std::int64_t counterpartyAccountId = 0;
        std::int64_t purposeId = 0;
        std::int64_t counterpartyNameId = 0;
        char direction = 'C';
        Span bookedText, currency, currency2, channel, externalId, counterpartyAccountText,
                counterpartyTaxId, counterpartyBank, counterpartyCountry, country;
    };

    std::string arena;
    std::vector<NewText> texts;
    std::vector<NewAccount> accounts;
    std::vector<Row> rows;
    std::vector<Reject> rejects;
    std::int64_t rowsRead = 0;
    std::int64_t bytesConsumed = 0;

    Span store(std::string_view text)
    {
        const Span span { static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(text.size()) };
        arena.append(text);
        return span;
    }
    std::string_view view(Span span) const { return std::string_view(arena).substr(span.offset, span.length); }
    bool empty() const { return rows.empty() && rejects.empty(); }
};

} // namespace fundtrace::import
