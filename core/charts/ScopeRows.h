#pragma once

#include "charts/ChartScope.h"
#include "detect/DetectionContext.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace fundtrace::charts {

// The transactions a chart counts for a scope, each seen from the scope's side and once:
// - the whole case: every statement row (credit = money in);
// - selected accounts: their own statement rows, and for a selected account the case holds no
//   statement of, the rows of other statements that name it as counterparty, mirrored (a debit
//   on the payer's statement is money into the selected account).
// Rows are visited oldest first. Resolves the scope's currency (the most used one when none is
// given) and counts rows in scope left out because they are in another currency.
class ScopeRows {
public:
    ScopeRows(const detect::DetectionContext &context, const ChartScope &scope);

    const detect::DetectionContext &context() const { return m_context; }
    const ChartScope &scope() const { return m_scope; }
    // The resolved currency code (the requested one, else the most used; empty when no rows).
    const QString &currency() const { return m_currency; }
    std::int64_t rowCount() const { return m_rowCount; }                 // in scope and in the currency
    std::int64_t otherCurrencyRows() const { return m_otherCurrencyRows; }
    std::int64_t firstAt() const { return m_firstAt; }                   // of rows counted; 0 when none
    std::int64_t lastAt() const { return m_lastAt; }

    // f(const detect::Transaction &t, bool in, bool own) for each row in the period and currency;
    // `own` = from the selected account's own statement (what a running balance is made of).
    template<typename F>
    void forEach(F &&f) const
    {
        visit(m_begin, m_end, f);
    }
    // The same for the rows in the currency booked before the period (an opening balance).
    template<typename F>
    void forEachBefore(F &&f) const
    {
        visit(0, m_begin, f);
    }

private:
    enum : std::uint8_t { Own = 1, Mirrored = 2 };

    template<typename F>
    void visit(std::size_t begin, std::size_t end, F &f) const
    {
        if (m_currencyIndex < 0)
            return;
        const auto &rows = m_context.transactions();
        const auto currency = std::uint16_t(m_currencyIndex);
        for (std::size_t i = begin; i < end; ++i) {
            const detect::Transaction &t = rows[i];
            if (t.currency != currency)
                continue;
            const std::uint8_t side = sideOf(t);
            if (side == Own)
                f(t, t.credit, true);
            else if (side == Mirrored)
                f(t, !t.credit, false);
        }
    }
    std::uint8_t sideOf(const detect::Transaction &t) const
    {
        if (m_wholeCase)
            return Own;
        if (t.account >= 0 && (m_mask[std::size_t(t.account)] & Own))
            return Own;
        if (t.counterparty >= 0 && (m_mask[std::size_t(t.counterparty)] & Mirrored))
            return Mirrored;
        return 0;
    }

    const detect::DetectionContext &m_context;
    ChartScope m_scope;
    bool m_wholeCase = true;
    std::vector<std::uint8_t> m_mask; // per account: Own when selected, | Mirrored when it has no statement
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    int m_currencyIndex = -1;
    QString m_currency;
    std::int64_t m_rowCount = 0;
    std::int64_t m_otherCurrencyRows = 0;
    std::int64_t m_firstAt = 0;
    std::int64_t m_lastAt = 0;
};

} // namespace fundtrace::charts
