#include "entities/SubjectFlowTable.h"

namespace fundtrace::entities {

SubjectFlowTable::SubjectFlowTable(db::Database &db)
    : m_db(db)
{
}

void SubjectFlowTable::rebuild()
{
    m_db.exec("DELETE FROM subject_flows");
    // Accounts with a statement of their own (the GROUP BY walks tx_account_time).
    m_db.exec("INSERT INTO subject_flows(subject_id, currency, in_minor, out_minor, in_count, out_count, first_at, last_at) "
              "SELECT a.subject_id, f.currency, f.in_minor, f.out_minor, f.in_count, f.out_count, f.first_at, f.last_at "
              "FROM (SELECT account_id, currency, "
              "  coalesce(sum(CASE direction WHEN 'C' THEN amount_minor END), 0) AS in_minor, "
              "  coalesce(sum(CASE direction WHEN 'D' THEN amount_minor END), 0) AS out_minor, "
              "  sum(direction = 'C') AS in_count, sum(direction = 'D') AS out_count, "
              "  min(booked_at) AS first_at, max(booked_at) AS last_at "
              "  FROM transactions WHERE account_id IS NOT NULL GROUP BY account_id, currency) f "
              "JOIN accounts a ON a.id = f.account_id WHERE a.subject_id IS NOT NULL");
    // Accounts seen only as counterparties: a debit on the other side is money in.
    m_db.exec("INSERT INTO subject_flows(subject_id, currency, in_minor, out_minor, in_count, out_count, first_at, last_at) "
              "SELECT a.subject_id, f.currency, f.in_minor, f.out_minor, f.in_count, f.out_count, f.first_at, f.last_at "
              "FROM (SELECT counterparty_account_id AS account_id, currency, "
              "  coalesce(sum(CASE direction WHEN 'D' THEN amount_minor END), 0) AS in_minor, "
              "  coalesce(sum(CASE direction WHEN 'C' THEN amount_minor END), 0) AS out_minor, "
              "  sum(direction = 'D') AS in_count, sum(direction = 'C') AS out_count, "
              "  min(booked_at) AS first_at, max(booked_at) AS last_at "
              "  FROM transactions WHERE counterparty_account_id IS NOT NULL "
              "  AND counterparty_account_id NOT IN (SELECT DISTINCT account_id FROM transactions WHERE account_id IS NOT NULL) "
              "  GROUP BY counterparty_account_id, currency) f "
              "JOIN accounts a ON a.id = f.account_id WHERE a.subject_id IS NOT NULL");
    // Party links (goAML parties, named counterparties) not already counted through an account
    // the same subject row holds.
    m_db.exec("INSERT INTO subject_flows(subject_id, currency, in_minor, out_minor, in_count, out_count, first_at, last_at) "
              "SELECT p.subject_id, t.currency, "
              "  coalesce(sum(CASE p.role WHEN 'to' THEN t.amount_minor END), 0), coalesce(sum(CASE p.role WHEN 'from' THEN t.amount_minor END), 0), "
              "  sum(p.role = 'to'), sum(p.role = 'from'), min(t.booked_at), max(t.booked_at) "
              "FROM transaction_parties p JOIN transactions t ON t.id = p.transaction_id "
              "WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.subject_id = p.subject_id "
              "  AND a.id IN (t.account_id, t.counterparty_account_id)) "
              "GROUP BY p.subject_id, t.currency");
}

} // namespace fundtrace::entities
