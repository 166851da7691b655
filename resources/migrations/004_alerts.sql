-- Fundtrace case schema, version 4: typology detection, alerts with evidence, triage and notes.

-- One row per detection run: who ran which rules when, and what changed.
CREATE TABLE detection_runs (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,
    by_user        TEXT NOT NULL,
    rules          TEXT NOT NULL,              -- JSON: the effective rules file
    transactions   INTEGER NOT NULL,
    alerts_new     INTEGER NOT NULL DEFAULT 0,
    alerts_updated INTEGER NOT NULL DEFAULT 0,
    alerts_closed  INTEGER NOT NULL DEFAULT 0,
    seconds        REAL
);

-- A finding of one rule. Its identity is the fingerprint (rule + the rule's stable key), so a
-- rerun updates the same alert and never touches its triage or notes. An alert its rule no
-- longer finds is kept, marked inactive.
CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    fingerprint   TEXT NOT NULL UNIQUE,
    rule          TEXT NOT NULL,
    typology      TEXT NOT NULL,
    score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    title         TEXT NOT NULL,
    explanation   TEXT NOT NULL,
    metrics       TEXT,                        -- JSON
    window_start  INTEGER,                     -- UTC seconds
    window_end    INTEGER,
    state         TEXT NOT NULL DEFAULT 'new'
                  CHECK (state IN ('new', 'in_review', 'confirmed', 'dismissed')),
    state_reason  TEXT,
    state_by      TEXT,
    state_at      TEXT,
    active        INTEGER NOT NULL DEFAULT 1,
    first_run_id  INTEGER REFERENCES detection_runs(id),
    last_run_id   INTEGER REFERENCES detection_runs(id)
);
CREATE INDEX alerts_rule ON alerts(rule, active);
CREATE INDEX alerts_state ON alerts(state, score);

CREATE TABLE alert_subjects (
    alert_id    INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    subject_id  INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, subject_id)
) WITHOUT ROWID;
CREATE INDEX alert_subjects_subject ON alert_subjects(subject_id);

CREATE TABLE alert_accounts (
    alert_id    INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, account_id)
) WITHOUT ROWID;
CREATE INDEX alert_accounts_account ON alert_accounts(account_id);

CREATE TABLE alert_evidence (
    alert_id        INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    transaction_id  INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
    role            TEXT,
    ordinal         INTEGER NOT NULL,          -- the rule's order (a cycle's hops, in time)
    PRIMARY KEY (alert_id, transaction_id)
) WITHOUT ROWID;

-- Every state change, so triage is audited and undoable; a bulk action shares one batch.
CREATE TABLE alert_state_changes (
    id          INTEGER PRIMARY KEY,
    batch       INTEGER NOT NULL,
    alert_id    INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    reason      TEXT,
    at          TEXT NOT NULL,
    by_user     TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX alert_state_changes_batch ON alert_state_changes(batch);

-- Annotations gain a hypothesis (what the investigator thinks is going on) and become searchable
-- on it too; the full-text index is rebuilt with the new column.
ALTER TABLE annotations ADD COLUMN hypothesis TEXT;
DROP TRIGGER annotations_ai;
DROP TRIGGER annotations_ad;
DROP TRIGGER annotations_au;
DROP TABLE annotations_fts;
CREATE VIRTUAL TABLE annotations_fts USING fts5(
    body, tags, hypothesis, content='annotations', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');
CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN
    INSERT INTO annotations_fts(rowid, body, tags, hypothesis) VALUES (new.id, new.body, new.tags, new.hypothesis);
END;
CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, body, tags, hypothesis)
        VALUES ('delete', old.id, old.body, old.tags, old.hypothesis);
END;
CREATE TRIGGER annotations_au AFTER UPDATE ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, body, tags, hypothesis)
        VALUES ('delete', old.id, old.body, old.tags, old.hypothesis);
    INSERT INTO annotations_fts(rowid, body, tags, hypothesis) VALUES (new.id, new.body, new.tags, new.hypothesis);
END;
