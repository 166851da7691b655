#include "query/TransactionOrder.h"

#include "query/TransactionSql.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace fundtrace::query {
namespace {

struct TextKey {
    std::int64_t id;
    bool null;
    std::string key;
};

} // namespace

TransactionOrder::TransactionOrder(const db::Database &db)
    : m_db(db)
{
}

std::vector<std::int64_t> TransactionOrder::orderedIds(const TransactionFilter &filter,
                                                       TransactionSort sort, bool descending) const
{
    const detail::Where where = detail::buildWhere(filter);
    std::vector<std::int64_t> ids;

    if (sort == TransactionSort::BookedAt) {
        // tx_time ends in the rowid, so SQLite walks it without sorting.
        db::Statement statement = m_db.prepare("SELECT t.id FROM transactions t" + where.sql
                                               + detail::orderBy(sort, false));
        where.bindTo(statement);
        while (statement.step())
            ids.push_back(statement.int64(0));
    } else if (sort == TransactionSort::Source) {
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> keyed;
        db::Statement statement = m_db.prepare("SELECT t.source_id, t.source_row, t.id FROM transactions t" + where.sql);
        where.bindTo(statement);
        while (statement.step())
            keyed.emplace_back(statement.int64(0), statement.int64(1), statement.int64(2));
        std::sort(keyed.begin(), keyed.end());
        ids.reserve(keyed.size());
        for (const auto &entry : keyed)
            ids.push_back(std::get<2>(entry));
    } else if (sort == TransactionSort::Amount) {
        std::vector<std::pair<std::int64_t, std::int64_t>> keyed;
        db::Statement statement = m_db.prepare("SELECT t.amount_minor, t.id FROM transactions t" + where.sql);
        where.bindTo(statement);
        while (statement.step())
            keyed.emplace_back(statement.int64(0), statement.int64(1));
        std::sort(keyed.begin(), keyed.end());
        ids.reserve(keyed.size());
        for (const auto &entry : keyed)
            ids.push_back(entry.second);
    } else {
        std::vector<TextKey> keyed;
        db::Statement statement = m_db.prepare("SELECT t.id, " + detail::sortKey(sort)
                                               + " FROM transactions t" + where.sql);
        where.bindTo(statement);
        while (statement.step())
            keyed.push_back({ statement.int64(0), statement.isNull(1), statement.text(1) });
        // SQLite's BINARY collation is memcmp order, which std::string's compare is too.
        std::sort(keyed.begin(), keyed.end(), [](const TextKey &a, const TextKey &b) {
            if (a.null != b.null)
                return a.null;
            if (const int c = a.key.compare(b.key); c != 0)
                return c < 0;
            return a.id < b.id;
        });
        ids.reserve(keyed.size());
        for (const TextKey &entry : keyed)
            ids.push_back(entry.id);
    }
    // Descending is the exact reverse: key descending, NULLs last, ties by id descending.
    if (descending)
        std::reverse(ids.begin(), ids.end());
    return ids;
}

std::vector<TransactionRow> TransactionOrder::rows(std::span<const std::int64_t> ids) const
{
    std::vector<TransactionRow> out;
    out.reserve(ids.size());
    db::Statement statement = m_db.prepare(std::string(detail::kRowColumns) + " FROM transactions t"
                                           + detail::kRowJoins + " WHERE t.id = ?");
    for (const std::int64_t id : ids) {
        statement.bind(1, id);
        if (statement.step())
            out.push_back(detail::readRow(statement));
        statement.reset();
    }
    return out;
}

} // namespace fundtrace::query
