#include "import/BatchWriter.h"

namespace fundtrace::import {
namespace {

void bindText(db::Statement &statement, int index, const ImportBatch &batch, ImportBatch::Span span)
{
    if (span.length == 0)
        statement.bindNull(index);
    else
        statement.bindStatic(index, batch.view(span));
}

void bindId(db::Statement &statement, int index, std::int64_t id)
{
    if (id == 0)
        statement.bindNull(index);
    else
        statement.bind(index, id);
}

} // namespace

BatchWriter::BatchWriter(db::Database &db, std::int64_t sourceId, std::int64_t lastTextIdBefore)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_lastTextIdBefore(lastTextIdBefore)
    , m_insertText(db.prepare("INSERT INTO texts(id, hash, body) VALUES (?1, ?2, ?3)"))
    , m_insertAccount(db.prepare(
              "INSERT INTO accounts(id, identifier, normalized, institution, currency, holder_name, "
              "holder_tax_id, first_source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
    , m_insertTransaction(db.prepare(
              "INSERT INTO transactions(source_id, source_row, external_id, account_id, direction, "
              "amount_minor, currency, amount2_minor, currency2, booked_at, booked_text, channel, "
              "purpose_id, counterparty_account_id, counterparty_name_id, counterparty_account_text, "
              "counterparty_tax_id, counterparty_bank, counterparty_country, country, balance_after_minor) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
              "?19, ?20, ?21)"))
    , m_insertReject(db.prepare(
              "INSERT INTO import_rejects(source_id, row, line, column_name, value, reason) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
{
}

void BatchWriter::write(const ImportBatch &batch)
{
    for (const ImportBatch::NewText &text : batch.texts)
        m_insertText.bind(1, text.id).bind(2, text.hash).bindStatic(3, batch.view(text.body)).run();

    for (const ImportBatch::NewAccount &account : batch.accounts) {
        db::Statement &s = m_insertAccount;
        s.bind(1, account.id);
        s.bindStatic(2, batch.view(account.identifier)).bindStatic(3, batch.view(account.normalized));
        bindText(s, 4, batch, account.institution);
        bindText(s, 5, batch, account.currency);
        bindText(s, 6, batch, account.holder);
        bindText(s, 7, batch, account.taxId);
        s.bind(8, m_sourceId);
        s.run();
    }

    static const std::string_view kDebit = "D", kCredit = "C";
    db::Statement &s = m_insertTransaction;
    for (const ImportBatch::Row &row : batch.rows) {
        s.bind(1, m_sourceId).bind(2, row.sourceRow);
        bindText(s, 3, batch, row.externalId);
        bindId(s, 4, row.accountId);
        s.bindStatic(5, row.direction == 'D' ? kDebit : kCredit);
        s.bind(6, row.amountMinor);
        s.bindStatic(7, batch.view(row.currency));
        s.bind(8, row.amount2Minor);
        bindText(s, 9, batch, row.currency2);
        s.bind(10, row.bookedAt);
        s.bindStatic(11, batch.view(row.bookedText));
        bindText(s, 12, batch, row.channel);
        bindId(s, 13, row.purposeId);
        bindId(s, 14, row.counterpartyAccountId);
        bindId(s, 15, row.counterpartyNameId);
        bindText(s, 16, batch, row.counterpartyAccountText);
        bindText(s, 17, batch, row.counterpartyTaxId);
        bindText(s, 18, batch, row.counterpartyBank);
        bindText(s, 19, batch, row.counterpartyCountry);
        bindText(s, 20, batch, row.country);
        s.bind(21, row.balanceAfterMinor);
        s.run();
    }

    for (const Reject &reject : batch.rejects) {
        m_insertReject.bind(1, m_sourceId).bind(2, reject.row).bind(3, reject.line).bind(4, reject.column)
                .bind(5, reject.value).bind(6, reject.reason).run();
    }
}

void BatchWriter::finish()
{
    db::Statement index = m_db.prepare("INSERT INTO texts_fts(rowid, body) SELECT id, body FROM texts WHERE id > ?1");
    index.bind(1, m_lastTextIdBefore).run();
}

} // namespace fundtrace::import
