#pragma once

#include "db/Statement.h"
#include "query/TransactionFilter.h"
#include "query/TransactionQuery.h"

#include <QString>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <variant>
#include <vector>

// SQL shared by the transaction queries: the WHERE clause for a filter, the ORDER BY for a sort
// and the joined row columns. Internal to core/query.
namespace fundtrace::query::detail {

using BindValue = std::variant<std::int64_t, QString>;

// A WHERE clause assembled from fixed fragments; user input only ever travels in `values`.
struct Where {
    std::string sql;
    std::vector<BindValue> values;

    void add(const char *fragment, std::initializer_list<BindValue> bound = {});
    // Binds from index `first`; returns the next free index.
    int bindTo(db::Statement &statement, int first = 1) const;
};

Where buildWhere(const TransactionFilter &filter);

// The sort key as an SQL expression over alias `t`; empty for Source, which sorts on two columns.
std::string sortKey(TransactionSort sort);
// " ORDER BY key [DESC], t.id [DESC]": every order ends in the id, which makes it total.
std::string orderBy(TransactionSort sort, bool descending);

// "SELECT <row columns>" and the joins they need, over alias `t`; readRow() depends on the order.
extern const char *const kRowColumns;
extern const char *const kRowJoins;
TransactionRow readRow(const db::Statement &statement);

} // namespace fundtrace::query::detail
