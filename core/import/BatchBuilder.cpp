#include "import/BatchBuilder.h"

#include "model/AccountIdentifier.h"

namespace fundtrace::import {

BatchBuilder::BatchBuilder(const QString &casePath, StartIds start)
    : m_db(casePath, db::Database::Mode::ReadOnly)
    , m_findText(m_db.prepare("SELECT id FROM texts WHERE hash = ?1 AND body = ?2"))
    , m_lastAccountId(start.lastAccountId)
    , m_lastTextId(start.lastTextId)
    , m_caseHasTexts(start.lastTextId > 0)
{
    db::Statement accounts = m_db.prepare("SELECT normalized, id FROM accounts");
    while (accounts.step()) {
        const std::string_view normalized = accounts.textView(0);
        m_accounts.insert(normalized, util::fnv1a64(normalized), accounts.int64(1));
    }
}

std::int64_t BatchBuilder::accountId(std::string_view identifier, std::string_view holder,
                                     std::string_view taxId, std::string_view institution,
                                     std::string_view currency, ImportBatch &batch)
{
    m_normalized = model::normalizeAccountIdentifier(identifier);
    if (m_normalized.empty())
        return 0;
    const std::uint64_t hash = util::fnv1a64(m_normalized);
    if (const std::int64_t found = m_accounts.find(m_normalized, hash))
        return found;
    const std::int64_t id = ++m_lastAccountId;
    batch.accounts.push_back({ id, batch.store(identifier), batch.store(m_normalized), batch.store(institution),
                               batch.store(currency), batch.store(holder), batch.store(taxId) });
    m_accounts.insert(m_normalized, hash, id);
    ++m_newAccounts;
    return id;
}

std::int64_t BatchBuilder::textId(std::string_view text, ImportBatch &batch)
{
    if (text.empty())
        return 0;
    const std::uint64_t hash = util::fnv1a64(text);
    if (const std::int64_t found = m_texts.find(text, hash))
        return found;
    std::int64_t id = 0;
    // Texts from earlier imports are looked up in the case; a new case has none to find.
    if (m_caseHasTexts) {
        m_findText.bind(1, static_cast<std::int64_t>(hash)).bindStatic(2, text);
        if (m_findText.step())
            id = m_findText.int64(0);
        m_findText.reset();
    }
    if (id == 0) {
        id = ++m_lastTextId;
        batch.texts.push_back({ id, static_cast<std::int64_t>(hash), batch.store(text) });
    }
    m_texts.insert(text, hash, id);
    return id;
}

void BatchBuilder::add(const ParsedTransaction &t, ImportBatch &batch)
{
    ImportBatch::Row row;
    row.sourceRow = t.sourceRow;
    row.bookedAt = t.bookedAt;
    row.amountMinor = t.amountMinor;
    row.amount2Minor = t.amount2Minor;
    row.balanceAfterMinor = t.balanceAfterMinor;
    row.direction = t.direction == 'D' ? 'D' : 'C';
    row.accountId = accountId(t.account, t.accountHolder, t.accountHolderTaxId, t.accountInstitution, t.currency, batch);
    row.counterpartyAccountId = accountId(t.counterpartyAccount, t.counterpartyName, t.counterpartyTaxId,
                                          t.counterpartyBank, {}, batch);
    row.purposeId = textId(t.purpose, batch);
    row.counterpartyNameId = textId(t.counterpartyName, batch);
    row.bookedText = batch.store(t.bookedText);
    row.currency = batch.store(t.currency);
    row.currency2 = batch.store(t.currency2);
    row.channel = batch.store(t.channel);
    row.externalId = batch.store(t.externalId);
    row.counterpartyAccountText = batch.store(t.counterpartyAccount);
    row.counterpartyTaxId = batch.store(t.counterpartyTaxId);
    row.counterpartyBank = batch.store(t.counterpartyBank);
    row.counterpartyCountry = batch.store(t.counterpartyCountry);
    row.country = batch.store(t.country);
    batch.rows.push_back(row);
}

} // namespace fundtrace::import
