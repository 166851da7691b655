#include "charts/ScopeRows.h"


namespace fundtrace::charts {

ScopeRows::ScopeRows(const detect::DetectionContext &context, const ChartScope &scope)
    : m_context(context)
    , m_scope(scope)
    , m_wholeCase(scope.accounts.empty())
{
    const auto &accounts = context.accounts();
    if (!m_wholeCase) {
        m_mask.assign(accounts.size(), 0);
        for (const std::int32_t account : scope.accounts) {
            if (account < 0 || std::size_t(account) >= accounts.size())
                throw ChartError("chart scope names an account the case does not have");
            m_mask[std::size_t(account)] = accounts[std::size_t(account)].hasStatement ? Own : (Own | Mirrored);
        }
    }
    if (scope.from > 0 && scope.to > 0 && scope.to <= scope.from)
        throw ChartError("the chart period ends before it starts");

    // Transactions are sorted by time: the period is one slice of them.
    const auto &rows = context.transactions();
    const auto byTime = [](const detect::Transaction &t, std::int64_t at) { return t.bookedAt < at; };
    m_begin = scope.from > 0 ? std::size_t(std::lower_bound(rows.begin(), rows.end(), scope.from, byTime) - rows.begin()) : 0;
    m_end = scope.to > 0 ? std::size_t(std::lower_bound(rows.begin(), rows.end(), scope.to, byTime) - rows.begin()) : rows.size();
    m_end = std::max(m_begin, m_end);

    // One pass over the period counts every currency, so the most used one can be chosen.
    struct Tally {
        std::int64_t rows = 0;
        std::int64_t first = 0;
        std::int64_t last = 0;
    };
    std::vector<Tally> tallies;
    for (std::size_t i = m_begin; i < m_end; ++i) {
        const detect::Transaction &t = rows[i];
        if (sideOf(t) == 0)
            continue;
        if (tallies.size() <= t.currency)
            tallies.resize(std::size_t(t.currency) + 1);
        Tally &tally = tallies[t.currency];
        if (tally.rows++ == 0)
            tally.first = t.bookedAt;
        tally.last = t.bookedAt;
    }
    std::int64_t total = 0;
    for (const Tally &tally : tallies)
        total += tally.rows;
    if (!scope.currency.isEmpty()) {
        m_currency = scope.currency.toUpper();
        m_currencyIndex = context.currencyIndex(m_currency);
    } else {
        for (std::size_t c = 0; c < tallies.size(); ++c) {
            if (tallies[c].rows > 0 && (m_currencyIndex < 0 || tallies[c].rows > tallies[std::size_t(m_currencyIndex)].rows))
                m_currencyIndex = int(c);
        }
        if (m_currencyIndex >= 0)
            m_currency = context.currencyCode(std::uint16_t(m_currencyIndex));
    }
    if (m_currencyIndex >= 0 && std::size_t(m_currencyIndex) < tallies.size()) {
        const Tally &tally = tallies[std::size_t(m_currencyIndex)];
        m_rowCount = tally.rows;
        m_firstAt = tally.first;
        m_lastAt = tally.last;
    }
    m_otherCurrencyRows = total - m_rowCount;
}

} // namespace fundtrace::charts
