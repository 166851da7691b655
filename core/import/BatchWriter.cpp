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

} // namespace

BatchWriter::BatchWriter(db::Database &db, std::int64_t sourceId, std::int64_t lastTextIdBefore)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_lastTextIdBefore(lastTextIdBefore)
    , m_insertText(db.prepare("INSERT INTO texts(id, hash, body) VALUES (?1, ?2, ?3)"))
    , m_insertAccount(db.prepare(
              "INSERT INTO accounts(id, identifier, normalized, institution, currency, holder_name, "
              "holder_tax_id, first_source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
    , m_rows(db, sourceId)
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

    m_rows.insert(batch);

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
