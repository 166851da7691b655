#include "query/TransactionQuery.h"

#include "query/TransactionSql.h"

#include <string>

namespace fundtrace::query {

TransactionQuery::TransactionQuery(const db::Database &db)
    : m_db(db)
{
}

std::int64_t TransactionQuery::count(const TransactionFilter &filter) const
{
    const detail::Where where = detail::buildWhere(filter);
    db::Statement statement = m_db.prepare("SELECT count(*) FROM transactions t" + where.sql);
    where.bindTo(statement);
    return statement.step() ? statement.int64(0) : 0;
}

std::vector<TransactionRow> TransactionQuery::page(const TransactionFilter &filter,
                                                   TransactionSort sort, bool descending,
                                                   std::int64_t offset, int limit) const
{
    std::vector<TransactionRow> rows;
    if (limit <= 0 || offset < 0)
        return rows;
    // Paging over bare ids first keeps OFFSET cheap: skipped rows cost an index step, not the
    // five joins, which then run for the page's rows only.
    const detail::Where where = detail::buildWhere(filter);
    const std::string order = detail::orderBy(sort, descending);
    const std::string sql = std::string(detail::kRowColumns)
            + " FROM (SELECT t.id FROM transactions t" + where.sql + order
            + " LIMIT ? OFFSET ?) pg JOIN transactions t ON t.id = pg.id" + detail::kRowJoins + order;
    db::Statement statement = m_db.prepare(sql);
    const int next = where.bindTo(statement);
    statement.bind(next, static_cast<std::int64_t>(limit));
    statement.bind(next + 1, offset);
    rows.reserve(static_cast<std::size_t>(limit));
    while (statement.step())
        rows.push_back(detail::readRow(statement));
    return rows;
}

std::optional<TransactionRow> TransactionQuery::byId(std::int64_t id) const
{
    db::Statement statement = m_db.prepare(std::string(detail::kRowColumns) + " FROM transactions t"
                                           + detail::kRowJoins + " WHERE t.id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return detail::readRow(statement);
}

} // namespace fundtrace::query
