-- Crowdfunding fan-in as a plain SQL query, for bench_detect's comparison with the engine rule
-- (core/detect/rules/FanInRule.cpp, defaults): at least 15 distinct senders, each payment at most
-- 50 000 KZT (5 000 000 minor units), into one account within 30 days (2 592 000 s).
-- A payment is a credit on the receiver's own statement (sender = counterparty account, else the
-- counterparty name as written) or a debit on another statement naming an account the case has no
-- statement of. Differences from the rule: it groups by account, not by resolved subject, and
-- reports each account once instead of one alert per non-overlapping episode.
-- Output: receiver account id, first window start (UTC s), most distinct senders in a window.
CREATE TEMP TABLE pay AS
SELECT t.account_id AS receiver, t.booked_at AS at,
       coalesce('a' || t.counterparty_account_id, 'n' || t.counterparty_name_id) AS sender
FROM transactions t
WHERE t.direction = 'C' AND t.currency = 'KZT' AND t.amount_minor BETWEEN 1 AND 5000000
  AND t.account_id IS NOT NULL
  AND (t.counterparty_account_id IS NOT NULL OR t.counterparty_name_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM accounts c JOIN accounts r ON r.id = t.account_id
                  WHERE c.id = t.counterparty_account_id AND c.subject_id = r.subject_id)
UNION ALL
SELECT t.counterparty_account_id, t.booked_at, 'a' || t.account_id
FROM transactions t
WHERE t.direction = 'D' AND t.currency = 'KZT' AND t.amount_minor BETWEEN 1 AND 5000000
  AND t.counterparty_account_id IS NOT NULL AND t.account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM transactions o WHERE o.account_id = t.counterparty_account_id);
CREATE INDEX pay_receiver_at ON pay(receiver, at);

SELECT receiver, min(start), max(senders)
FROM (SELECT p.receiver, p.at AS start, count(DISTINCT q.sender) AS senders
      FROM pay p JOIN pay q ON q.receiver = p.receiver AND q.at BETWEEN p.at AND p.at + 2592000
      GROUP BY p.receiver, p.at)
WHERE senders >= 15
GROUP BY receiver;
