-- Pass-through as a plain SQL query, for bench_detect's comparison with the engine rule
-- (core/detect/rules/PassThroughRule.cpp, defaults): an inflow of at least 100 000 KZT
-- (10 000 000 minor units) of which at least 80% leaves within 48 h (172 800 s), first in first
-- out over the account's own statement; flagged when 3 such inflows fall within 30 days.
-- FIFO is computed with running sums: the inflow owns the slice (cin - amount, cin] of the
-- account's cumulative inflow, and the money out within 48 h is the part of the cumulative outflow
-- between the inflow's arrival and 48 h later that falls in that slice. Difference from the rule:
-- outflows of money that was there before the statement shift the slices instead of being dropped.
-- Output: account id, first episode (UTC s), most episodes in a 30-day window.
CREATE TEMP TABLE flow AS
SELECT account_id AS account, booked_at AS at, id, direction, amount_minor AS amount,
       sum(CASE WHEN direction = 'C' THEN amount_minor ELSE 0 END) OVER w AS cin,
       sum(CASE WHEN direction = 'D' THEN amount_minor ELSE 0 END) OVER w AS cout
FROM transactions
WHERE account_id IS NOT NULL AND currency = 'KZT' AND amount_minor > 0
WINDOW w AS (PARTITION BY account_id ORDER BY booked_at, id ROWS UNBOUNDED PRECEDING);
CREATE INDEX flow_account_at ON flow(account, at, id);

CREATE TEMP TABLE episode AS
SELECT i.account, i.at
FROM flow i
WHERE i.direction = 'C' AND i.amount >= 10000000
  AND max(0, min((SELECT o.cout FROM flow o
                  WHERE o.account = i.account AND o.at <= i.at + 172800
                  ORDER BY o.at DESC, o.id DESC LIMIT 1), i.cin)
             - max(i.cout, i.cin - i.amount)) >= 0.8 * i.amount;

SELECT account, min(at), max(n)
FROM (SELECT account, at,
             count(*) OVER (PARTITION BY account ORDER BY at
                            RANGE BETWEEN CURRENT ROW AND 2592000 FOLLOWING) AS n
      FROM episode)
WHERE n >= 3
GROUP BY account;
