#include "import/TransactionWriter.h"

#include "model/AccountIdentifier.h"

namespace fundtrace::import {
namespace {

void bindOptionalText(db::Statement &statement, int index, std::string_view text)
{
    if (text.empty())
        statement.bindNull(index);
    else
        statement.bindStatic(index, text);
}

} // namespace

TransactionWriter::TransactionWriter(db::Database &db, std::int64_t sourceId)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_insertTransaction(db.prepare(
              "INSERT INTO transactions(source_id, source_row, external_id, account_id, direction, "
              "amount_minor, currency, amount2_minor, currency2, booked_at, booked_text, channel, "
              "purpose_id, counterparty_account_id, counterparty_name_id, counterparty_account_text, "
              "counterparty_tax_id, counterparty_bank, counterparty_country, country, balance_after_minor) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
              "?19, ?20, ?21)"))
    , m_insertAccount(db.prepare(
              "INSERT INTO accounts(identifier, normalized, institution, currency, holder_name, "
              "holder_tax_id, first_source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
    , m_findText(db.prepare("SELECT id FROM texts WHERE body = ?1"))
    , m_insertText(db.prepare("INSERT INTO texts(body) VALUES (?1)"))
{
    db::Statement accounts = db.prepare("SELECT normalized, id FROM accounts");
    while (accounts.step())
        m_accounts.emplace(accounts.text(0), accounts.int64(1));
    m_lastTextIdBefore = db.scalarInt("SELECT coalesce(max(id), 0) FROM texts");
}

std::int64_t TransactionWriter::accountId(std::string_view identifier, std::string_view holder,
                                          std::string_view taxId, std::string_view institution,
                                          std::string_view currency)
{
    m_normalized = model::normalizeAccountIdentifier(identifier);
    if (m_normalized.empty())
        return 0;
    if (const auto found = m_accounts.find(std::string_view(m_normalized)); found != m_accounts.end())
        return found->second;
    m_insertAccount.bindStatic(1, identifier).bindStatic(2, m_normalized);
    bindOptionalText(m_insertAccount, 3, institution);
    bindOptionalText(m_insertAccount, 4, currency);
    bindOptionalText(m_insertAccount, 5, holder);
    bindOptionalText(m_insertAccount, 6, taxId);
    m_insertAccount.bind(7, m_sourceId);
    m_insertAccount.run();
    const std::int64_t id = m_db.lastInsertRowId();
    m_accounts.emplace(m_normalized, id);
    ++m_newAccounts;
    return id;
}

std::int64_t TransactionWriter::textId(std::string_view text)
{
    if (text.empty())
        return 0;
    if (const auto found = m_texts.find(text); found != m_texts.end())
        return found->second;
    std::int64_t id = 0;
    // Texts from earlier imports are looked up in the table; a new case has none to find.
    if (m_lastTextIdBefore > 0) {
        m_findText.bindStatic(1, text);
        if (m_findText.step())
            id = m_findText.int64(0);
        m_findText.reset();
    }
    if (id == 0) {
        m_insertText.bindStatic(1, text).run();
        id = m_db.lastInsertRowId();
    }
    m_texts.emplace(std::string(text), id);
    return id;
}

void TransactionWriter::write(const ParsedTransaction &t)
{
    const std::int64_t account = accountId(t.account, t.accountHolder, t.accountHolderTaxId,
                                           t.accountInstitution, t.currency);
    const std::int64_t counterparty = accountId(t.counterpartyAccount, t.counterpartyName,
                                                t.counterpartyTaxId, t.counterpartyBank, {});
    const std::int64_t purpose = textId(t.purpose);
    const std::int64_t name = textId(t.counterpartyName);

    db::Statement &s = m_insertTransaction;
    s.bind(1, m_sourceId).bind(2, t.sourceRow);
    bindOptionalText(s, 3, t.externalId);
    account ? s.bind(4, account) : s.bindNull(4);
    s.bindStatic(5, t.direction == 'D' ? std::string_view("D") : std::string_view("C"));
    s.bind(6, t.amountMinor).bindStatic(7, t.currency);
    t.amount2Minor ? s.bind(8, *t.amount2Minor) : s.bindNull(8);
    bindOptionalText(s, 9, t.currency2);
    s.bind(10, t.bookedAt).bindStatic(11, t.bookedText);
    bindOptionalText(s, 12, t.channel);
    purpose ? s.bind(13, purpose) : s.bindNull(13);
    counterparty ? s.bind(14, counterparty) : s.bindNull(14);
    name ? s.bind(15, name) : s.bindNull(15);
    bindOptionalText(s, 16, t.counterpartyAccount);
    bindOptionalText(s, 17, t.counterpartyTaxId);
    bindOptionalText(s, 18, t.counterpartyBank);
    bindOptionalText(s, 19, t.counterpartyCountry);
    bindOptionalText(s, 20, t.country);
    t.balanceAfterMinor ? s.bind(21, *t.balanceAfterMinor) : s.bindNull(21);
    s.run();
}

void TransactionWriter::finish()
{
    db::Statement index = m_db.prepare(
            "INSERT INTO texts_fts(rowid, body) SELECT id, body FROM texts WHERE id > ?1");
    index.bind(1, m_lastTextIdBefore).run();
}

} // namespace fundtrace::import
