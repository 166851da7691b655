#include "query/TransactionSql.h"

#include "model/AccountIdentifier.h"
#include "query/FtsQuery.h"

namespace fundtrace::query::detail {

void Where::add(const char *fragment, std::initializer_list<BindValue> bound)
{
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += fragment;
    values.insert(values.end(), bound.begin(), bound.end());
}

int Where::bindTo(db::Statement &statement, int first) const
{
    int index = first;
    for (const BindValue &value : values) {
        if (const auto *number = std::get_if<std::int64_t>(&value))
            statement.bind(index++, *number);
        else
            statement.bind(index++, std::get<QString>(value));
    }
    return index;
}

Where buildWhere(const TransactionFilter &filter)
{
    Where where;
    // Matched on the importer's normal form; a trailing * asks for every account starting so.
    const QString typed = filter.account.trimmed();
    const QString account = QString::fromStdString(
            model::normalizeAccountIdentifier(typed.toStdString()));
    if (!account.isEmpty()) {
        if (typed.endsWith(QLatin1Char('*'))) {
            const QString pattern = account + QLatin1Char('*');
            where.add("(t.account_id IN (SELECT id FROM accounts WHERE normalized GLOB ?)"
                      " OR t.counterparty_account_id IN"
                      " (SELECT id FROM accounts WHERE normalized GLOB ?))",
                      { pattern, pattern });
        } else {
            where.add("(t.account_id IN (SELECT id FROM accounts WHERE normalized = ?)"
                      " OR t.counterparty_account_id IN"
                      " (SELECT id FROM accounts WHERE normalized = ?))",
                      { account, account });
        }
    }
    if (filter.fromUtc)
        where.add("t.booked_at >= ?", { *filter.fromUtc });
    if (filter.toUtc)
        where.add("t.booked_at < ?", { *filter.toUtc });
    if (filter.minAmountMinor)
        where.add("t.amount_minor >= ?", { *filter.minAmountMinor });
    if (filter.maxAmountMinor)
        where.add("t.amount_minor <= ?", { *filter.maxAmountMinor });
    if (const QString currency = filter.currency.trimmed().toUpper(); !currency.isEmpty())
        where.add("t.currency = ?", { currency });
    if (const QString direction = filter.direction.trimmed().toUpper(); !direction.isEmpty())
        where.add("t.direction = ?", { direction });
    if (const QString fts = toFtsQuery(filter.text); !fts.isEmpty()) {
        where.add("(t.purpose_id IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?)"
                  " OR t.counterparty_name_id IN"
                  " (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?))",
                  { fts, fts });
    }
    if (filter.sourceId)
        where.add("t.source_id = ?", { *filter.sourceId });
    return where;
}

std::string sortKey(TransactionSort sort)
{
    switch (sort) {
    case TransactionSort::BookedAt:
        return "t.booked_at";
    case TransactionSort::Amount:
        return "t.amount_minor";
    case TransactionSort::Account:
        return "(SELECT normalized FROM accounts WHERE id = t.account_id)";
    case TransactionSort::Counterparty:
        return "(SELECT body FROM texts WHERE id = t.counterparty_name_id)";
    case TransactionSort::Direction:
        return "t.direction";
    case TransactionSort::Currency:
        return "t.currency";
    case TransactionSort::Source:
        break;
    }
    return {};
}

// Keys are written against alias `t`, so the same text orders an inner id page and the outer
// joined rows.
std::string orderBy(TransactionSort sort, bool descending)
{
    const char *dir = descending ? " DESC" : "";
    if (sort == TransactionSort::Source)
        return std::string(" ORDER BY t.source_id") + dir + ", t.source_row" + dir + ", t.id" + dir;
    return " ORDER BY " + sortKey(sort) + dir + ", t.id" + dir;
}

const char *const kRowColumns
        = "SELECT t.id, t.booked_at, t.booked_text, a.identifier, a.holder_name, t.direction,"
          " t.amount_minor, t.currency, t.amount2_minor, t.currency2, cn.body,"
          " COALESCE(t.counterparty_account_text, ca.identifier), t.counterparty_tax_id,"
          " t.counterparty_bank, t.counterparty_country, t.channel, p.body, t.external_id,"
          " t.balance_after_minor, t.source_id, s.file_name, t.source_row";

const char *const kRowJoins = " LEFT JOIN accounts a ON a.id = t.account_id"
                              " LEFT JOIN accounts ca ON ca.id = t.counterparty_account_id"
                              " LEFT JOIN texts cn ON cn.id = t.counterparty_name_id"
                              " LEFT JOIN texts p ON p.id = t.purpose_id"
                              " LEFT JOIN sources s ON s.id = t.source_id";

TransactionRow readRow(const db::Statement &statement)
{
    TransactionRow row;
    row.id = statement.int64(0);
    row.bookedAt = statement.int64(1);
    row.bookedText = statement.qtext(2);
    row.account = statement.qtext(3);
    row.accountHolder = statement.qtext(4);
    row.direction = statement.qtext(5);
    row.amountMinor = statement.int64(6);
    row.currency = statement.qtext(7);
    row.amount2Minor = statement.optionalInt64(8);
    row.currency2 = statement.qtext(9);
    row.counterpartyName = statement.qtext(10);
    row.counterpartyAccount = statement.qtext(11);
    row.counterpartyTaxId = statement.qtext(12);
    row.counterpartyBank = statement.qtext(13);
    row.counterpartyCountry = statement.qtext(14);
    row.channel = statement.qtext(15);
    row.purpose = statement.qtext(16);
    row.externalId = statement.qtext(17);
    row.balanceAfterMinor = statement.optionalInt64(18);
    row.sourceId = statement.int64(19);
    row.sourceFile = statement.qtext(20);
    row.sourceRow = statement.int64(21);
    return row;
}

} // namespace fundtrace::query::detail
