#pragma once

#include "detect/DetectionContext.h"

#include <cstdint>
#include <vector>

namespace fundtrace::detect {

// One movement of money into or out of a receiver's accounts, seen from the receiver's side.
struct AccountMove {
    std::uint32_t row = 0;        // index into the context's transactions
    std::int32_t other = -1;      // the other side's account, -1 when unknown
    std::int32_t otherName = -1;  // the other side's name (text index) as the statement gives it, -1 when unknown
    bool in = false;              // money into the receiver
};

// Money into and out of `accounts` in `currency`, in time order: from each account's own statement
// when the case has it, else from the statements naming it (the other side's name is then
// unknown). Moves between accounts of `subject` (when >= 0) and moves of no money are left out.
// `moves` is cleared and reused, so a rule scanning every subject allocates once.
void collectAccountMoves(const DetectionContext &context, const std::vector<std::int32_t> &accounts,
                         std::int32_t subject, int currency, std::vector<AccountMove> &moves);

} // namespace fundtrace::detect
