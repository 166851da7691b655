#include "detect/AccountMoves.h"

#include <algorithm>

namespace fundtrace::detect {

void collectAccountMoves(const DetectionContext &context, const std::vector<std::int32_t> &accounts,
                         std::int32_t subject, int currency, std::vector<AccountMove> &moves)
{
    moves.clear();
    const std::vector<Transaction> &rows = context.transactions();
    const auto own = [&](std::int32_t other) {
        return other >= 0 && subject >= 0 && context.accounts()[std::size_t(other)].subject == subject;
    };
    for (const std::int32_t account : accounts) {
        if (context.accounts()[std::size_t(account)].hasStatement) {
            for (const std::uint32_t row : context.rowsOf(account)) {
                const Transaction &t = rows[row];
                if (t.currency == currency && t.amountMinor > 0 && !own(t.counterparty))
                    moves.push_back({ row, t.counterparty, t.counterpartyName, t.credit });
            }
        } else {
            for (const std::uint32_t row : context.rowsAgainst(account)) {
                const Transaction &t = rows[row];
                if (t.currency == currency && t.amountMinor > 0 && !own(t.account))
                    moves.push_back({ row, t.account, -1, !t.credit });
            }
        }
    }
    // Rows are in time order per account; several accounts interleave.
    if (accounts.size() > 1)
        std::sort(moves.begin(), moves.end(), [](const AccountMove &a, const AccountMove &b) { return a.row < b.row; });
}

} // namespace fundtrace::detect
