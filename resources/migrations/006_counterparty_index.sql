-- Fundtrace case schema, version 6: the counterparty index leaves out rows without a counterparty account.
--
-- Cash, card and wallet rows (about four in ten in bank exports) name no counterparty account, so
-- they never answer a lookup by counterparty; every query on this index asks for an account by
-- '=' or 'IN', which SQLite matches to a partial index on 'IS NOT NULL'. Without the NULLs the
-- index is smaller and builds about twice as fast, since SQLite's sorter compares integer keys on
-- a fast path only when every key is an integer.
DROP INDEX IF EXISTS tx_counterparty_time;
CREATE INDEX tx_counterparty_time ON transactions(counterparty_account_id, booked_at)
    WHERE counterparty_account_id IS NOT NULL;
