-- Fundtrace case schema, version 1.
-- Money is integer minor units plus an ISO 4217 code; times are UTC Unix seconds plus the
-- original text for provenance. Every imported row points back to its source file and row.

CREATE TABLE case_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per imported file.
CREATE TABLE sources (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    file_path      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL,
    format         TEXT NOT NULL,          -- csv, xlsx, 1c, camt053, mt940, goaml, sanctions-*
    encoding       TEXT,
    mapping_json   TEXT,                   -- the mapping actually used, resolved
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_imported  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    imported_at    TEXT NOT NULL,          -- ISO 8601 UTC
    imported_by    TEXT NOT NULL,          -- OS user
    duration_ms    INTEGER,
    notes          TEXT
);
CREATE INDEX sources_sha256 ON sources(sha256);

-- People, organisations, NPOs, institutions and agents; resolved by the entities layer.
CREATE TABLE subjects (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (kind IN ('person', 'organisation', 'npo', 'institution', 'agent', 'unknown')),
    display_name  TEXT NOT NULL,
    tax_id        TEXT,                    -- IIN/BIN as given
    country       TEXT,
    created_at    TEXT NOT NULL,
    notes         TEXT
);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    identifier    TEXT NOT NULL,           -- as first seen
    normalized    TEXT NOT NULL UNIQUE,    -- upper case, no spaces or separators
    institution   TEXT,
    currency      TEXT,
    holder_name   TEXT,
    holder_tax_id TEXT,
    country       TEXT,
    subject_id    INTEGER REFERENCES subjects(id) ON DELETE SET NULL,
    first_source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX accounts_subject ON accounts(subject_id);

-- Purpose texts and names repeat heavily in bank data; storing each distinct text once keeps the
-- case small and the full-text index cheap. Texts are found by a 64-bit FNV-1a hash of their
-- UTF-8 bytes (an integer index is far cheaper to maintain than one on the text itself); equal
-- hashes are told apart by comparing the body.
CREATE TABLE texts (
    id    INTEGER PRIMARY KEY,
    hash  INTEGER NOT NULL,
    body  TEXT NOT NULL
);
CREATE INDEX texts_hash ON texts(hash);
-- Searched by words and word prefixes only (no phrases), so the index keeps no positions
-- (detail=none) and no column sizes: it builds about twice as fast and is a third of the size.
CREATE VIRTUAL TABLE texts_fts USING fts5(
    body, content='texts', content_rowid='id', detail=none, columnsize=0,
    tokenize='unicode61 remove_diacritics 2'
);

-- A movement of money seen from one account's side (the statement owner, when known).
-- direction: 'C' credit (into account_id) or 'D' debit (out of account_id).
CREATE TABLE transactions (
    id                       INTEGER PRIMARY KEY,
    source_id                INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    source_row               INTEGER NOT NULL,
    external_id              TEXT,
    account_id               INTEGER REFERENCES accounts(id),
    direction                TEXT NOT NULL CHECK (direction IN ('C', 'D')),
    amount_minor             INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency                 TEXT NOT NULL,
    amount2_minor            INTEGER,
    currency2                TEXT,
    booked_at                INTEGER NOT NULL,          -- UTC Unix seconds
    booked_text              TEXT NOT NULL,             -- the date/time as written in the source
    channel                  TEXT,                      -- transfer, cash, card, wallet, agent, ...
    purpose_id               INTEGER REFERENCES texts(id),
    counterparty_account_id  INTEGER REFERENCES accounts(id),
    counterparty_name_id     INTEGER REFERENCES texts(id),
    counterparty_account_text TEXT,                     -- as given
    counterparty_tax_id      TEXT,                      -- IIN/BIN as given
    counterparty_bank        TEXT,
    counterparty_country     TEXT,
    country                  TEXT,
    balance_after_minor      INTEGER
);
CREATE INDEX tx_account_time ON transactions(account_id, booked_at);
CREATE INDEX tx_counterparty_time ON transactions(counterparty_account_id, booked_at);
CREATE INDEX tx_time ON transactions(booked_at);
-- No index on (source_id, source_row): rows of a source are inserted in file order, so their ids
-- are contiguous, and dropping a whole source is rare enough to afford a scan.

-- Notes on any object; later issues add tags, severity and hypotheses.
CREATE TABLE annotations (
    id           INTEGER PRIMARY KEY,
    object_type  TEXT NOT NULL,            -- transaction, account, subject, alert, selection
    object_id    INTEGER,
    body         TEXT NOT NULL,
    tags         TEXT,
    severity     TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT
);
CREATE INDEX annotations_object ON annotations(object_type, object_id);
CREATE VIRTUAL TABLE annotations_fts USING fts5(
    body, tags, content='annotations', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN
    INSERT INTO annotations_fts(rowid, body, tags) VALUES (new.id, new.body, new.tags);
END;
CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, body, tags)
        VALUES ('delete', old.id, old.body, old.tags);
END;
CREATE TRIGGER annotations_au AFTER UPDATE ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, body, tags)
        VALUES ('delete', old.id, old.body, old.tags);
    INSERT INTO annotations_fts(rowid, body, tags) VALUES (new.id, new.body, new.tags);
END;

-- Every change to case data, with who and when.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,            -- ISO 8601 UTC
    os_user      TEXT NOT NULL,
    action       TEXT NOT NULL,            -- case.create, source.import, annotation.add, ...
    object_type  TEXT,
    object_id    INTEGER,
    details      TEXT                      -- JSON
);

-- Rows an import could not use, kept so the sources panel and reports can show them.
CREATE TABLE import_rejects (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    row        INTEGER NOT NULL,
    line       INTEGER NOT NULL,
    column_name TEXT,
    value      TEXT,
    reason     TEXT NOT NULL
);
CREATE INDEX import_rejects_source ON import_rejects(source_id, row);
