#pragma once

#include "db/Database.h"
#include "query/TransactionFilter.h"
#include "query/TransactionQuery.h"

#include <cstdint>
#include <span>
#include <vector>

namespace fundtrace::query {

// The ids of every transaction matching a filter, in a sort order, so a view can jump anywhere
// in a large result without an OFFSET query sorting the whole result again for each page.
// Keys without an index are read once and sorted in memory, several times faster than SQLite's
// sorter on a million rows. The order is exactly TransactionQuery::page's: same keys in SQLite's
// BINARY order, NULLs first when ascending, ties broken by id.
class TransactionOrder {
public:
    explicit TransactionOrder(const db::Database &db);

    std::vector<std::int64_t> orderedIds(const TransactionFilter &filter, TransactionSort sort,
                                         bool descending) const;
    // The rows of the given ids, in that order; ids no longer in the case are skipped.
    std::vector<TransactionRow> rows(std::span<const std::int64_t> ids) const;

private:
    const db::Database &m_db;
};

} // namespace fundtrace::query
