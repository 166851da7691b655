#include "import/BatchRowsTable.h"

#include <sqlite3.h>

namespace fundtrace::import {
namespace {

constexpr const char *kModuleName = "fundtrace_import_rows";

// The table's columns, in the order of both the declaration and the INSERT below.
enum Column {
    SourceRow,
    ExternalId,
    AccountId,
    Direction,
    AmountMinor,
    Currency,
    Amount2Minor,
    Currency2,
    BookedAt,
    BookedText,
    Channel,
    PurposeId,
    CounterpartyAccountId,
    CounterpartyNameId,
    CounterpartyAccountText,
    CounterpartyTaxId,
    CounterpartyBank,
    CounterpartyCountry,
    Country,
    BalanceAfterMinor,
};

constexpr const char *kColumnNames =
        "source_row, external_id, account_id, direction, amount_minor, currency, amount2_minor, currency2, "
        "booked_at, booked_text, channel, purpose_id, counterparty_account_id, counterparty_name_id, "
        "counterparty_account_text, counterparty_tax_id, counterparty_bank, counterparty_country, country, "
        "balance_after_minor";

struct Table : sqlite3_vtab {
    const BatchRowsTable::Shared *shared = nullptr;
};

struct Cursor : sqlite3_vtab_cursor {
    const ImportBatch *batch = nullptr;
    std::size_t index = 0;
};

int connect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out, char **)
{
    const int rc = sqlite3_declare_vtab(db, (std::string("CREATE TABLE x(") + kColumnNames + ")").c_str());
    if (rc != SQLITE_OK)
        return rc;
    // Readable only by statements written here, never from a trigger or a view.
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    auto *table = new Table;
    table->shared = static_cast<const BatchRowsTable::Shared *>(aux);
    *out = table;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table)
{
    delete static_cast<Table *>(table);
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab *table, sqlite3_index_info *info)
{
    const ImportBatch *batch = static_cast<Table *>(table)->shared->batch;
    const auto rows = static_cast<sqlite3_int64>(batch ? batch->rows.size() : 0);
    info->estimatedRows = rows;
    info->estimatedCost = static_cast<double>(rows);
    return SQLITE_OK;
}

int open(sqlite3_vtab *table, sqlite3_vtab_cursor **out)
{
    auto *cursor = new Cursor;
    cursor->batch = static_cast<Table *>(table)->shared->batch;
    *out = cursor;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *cursor)
{
    delete static_cast<Cursor *>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int, const char *, int, sqlite3_value **)
{
    auto *cursor = static_cast<Cursor *>(base);
    cursor->batch = static_cast<Table *>(base->pVtab)->shared->batch;
    cursor->index = 0;
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *cursor)
{
    ++static_cast<Cursor *>(cursor)->index;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *base)
{
    const auto *cursor = static_cast<Cursor *>(base);
    return !cursor->batch || cursor->index >= cursor->batch->rows.size();
}

void resultText(sqlite3_context *context, const ImportBatch &batch, ImportBatch::Span span)
{
    if (span.length == 0) {
        sqlite3_result_null(context);
        return;
    }
    // The arena outlives the statement's step, which is all SQLITE_STATIC asks.
    sqlite3_result_text(context, batch.arena.data() + span.offset, static_cast<int>(span.length), SQLITE_STATIC);
}

void resultId(sqlite3_context *context, std::int64_t id)
{
    if (id == 0)
        sqlite3_result_null(context);
    else
        sqlite3_result_int64(context, id);
}

void resultOptional(sqlite3_context *context, const std::optional<std::int64_t> &value)
{
    if (value)
        sqlite3_result_int64(context, *value);
    else
        sqlite3_result_null(context);
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column)
{
    const auto *cursor = static_cast<Cursor *>(base);
    const ImportBatch &batch = *cursor->batch;
    const ImportBatch::Row &row = batch.rows[cursor->index];
    switch (static_cast<Column>(column)) {
    case SourceRow: sqlite3_result_int64(context, row.sourceRow); break;
    case ExternalId: resultText(context, batch, row.externalId); break;
    case AccountId: resultId(context, row.accountId); break;
    case Direction: sqlite3_result_text(context, row.direction == 'D' ? "D" : "C", 1, SQLITE_STATIC); break;
    case AmountMinor: sqlite3_result_int64(context, row.amountMinor); break;
    // The currency is NOT NULL in the table: an empty one is stored as empty text, not NULL.
    case Currency:
        sqlite3_result_text(context, batch.arena.data() + row.currency.offset, static_cast<int>(row.currency.length),
                            SQLITE_STATIC);
        break;
    case Amount2Minor: resultOptional(context, row.amount2Minor); break;
    case Currency2: resultText(context, batch, row.currency2); break;
    case BookedAt: sqlite3_result_int64(context, row.bookedAt); break;
    case BookedText:
        sqlite3_result_text(context, batch.arena.data() + row.bookedText.offset,
                            static_cast<int>(row.bookedText.length), SQLITE_STATIC);
        break;
    case Channel: resultText(context, batch, row.channel); break;
    case PurposeId: resultId(context, row.purposeId); break;
    case CounterpartyAccountId: resultId(context, row.counterpartyAccountId); break;
    case CounterpartyNameId: resultId(context, row.counterpartyNameId); break;
    case CounterpartyAccountText: resultText(context, batch, row.counterpartyAccountText); break;
    case CounterpartyTaxId: resultText(context, batch, row.counterpartyTaxId); break;
    case CounterpartyBank: resultText(context, batch, row.counterpartyBank); break;
    case CounterpartyCountry: resultText(context, batch, row.counterpartyCountry); break;
    case Country: resultText(context, batch, row.country); break;
    case BalanceAfterMinor: resultOptional(context, row.balanceAfterMinor); break;
    default: return SQLITE_RANGE;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *out)
{
    *out = static_cast<sqlite3_int64>(static_cast<Cursor *>(cursor)->index);
    return SQLITE_OK;
}

// Eponymous only (no xCreate): the table is used by its module's name and is never stored.
const sqlite3_module &module()
{
    static const sqlite3_module instance = [] {
        sqlite3_module m {};
        m.iVersion = 0;
        m.xConnect = connect;
        m.xBestIndex = bestIndex;
        m.xDisconnect = disconnect;
        m.xOpen = open;
        m.xClose = close;
        m.xFilter = filter;
        m.xNext = next;
        m.xEof = eof;
        m.xColumn = column;
        m.xRowid = rowid;
        return m;
    }();
    return instance;
}

} // namespace

BatchRowsTable::BatchRowsTable(db::Database &db, std::int64_t sourceId)
    : m_db(db)
{
    const int rc = sqlite3_create_module_v2(m_db.handle(), kModuleName, &module(), &m_shared, nullptr);
    if (rc != SQLITE_OK)
        throw db::DbError(rc, sqlite3_errmsg(m_db.handle()), kModuleName);
    m_insert.emplace(m_db.prepare(std::string("INSERT INTO transactions(source_id, ") + kColumnNames + ") SELECT ?1, "
                                  + kColumnNames + " FROM " + kModuleName));
    m_insert->bind(1, sourceId);
}

BatchRowsTable::~BatchRowsTable()
{
    // The statement goes first: a module may only be dropped when nothing prepared uses it.
    m_insert.reset();
    sqlite3_create_module_v2(m_db.handle(), kModuleName, nullptr, nullptr, nullptr);
}

void BatchRowsTable::insert(const ImportBatch &batch)
{
    if (batch.rows.empty())
        return;
    m_shared.batch = &batch;
    try {
        m_insert->run();
    } catch (...) {
        m_shared.batch = nullptr;
        throw;
    }
    m_shared.batch = nullptr;
}

} // namespace fundtrace::import
