-- Fundtrace case schema, version 3: subjects resolved across sources, their identifiers, and
-- screening against sanctions lists.
--
-- A subject row is made for each thing a source describes (an account holder, a counterparty
-- named on a transaction, a goAML person or entity). Resolution groups the rows that are the
-- same person or organisation: a member points at its group's root through merged_into, which
-- always names the root itself (never a chain). Members keep their own accounts, attributes and
-- transaction links, so a merge or a split only changes merged_into and is exactly undoable.

ALTER TABLE subjects ADD COLUMN merged_into INTEGER REFERENCES subjects(id);
ALTER TABLE subjects ADD COLUMN origin TEXT;        -- account, counterparty, goaml, manual
ALTER TABLE subjects ADD COLUMN kind_source TEXT;   -- why the kind was chosen (tax id, name word, source)
CREATE INDEX subjects_merged_into ON subjects(merged_into);

-- Identifier checks made by resolution: valid, invalid or unchecked (e.g. a masked card), with
-- the reason when invalid, and the form that may be shown (masked for cards).
ALTER TABLE subject_attributes ADD COLUMN validity TEXT;
ALTER TABLE subject_attributes ADD COLUMN problem TEXT;
ALTER TABLE subject_attributes ADD COLUMN display TEXT;

-- Every spelling of a subject's names, transliterated and folded, plus its identifiers, so that
-- any spelling finds the subject. Keyed by member subject; searches map members to roots.
CREATE VIRTUAL TABLE subject_search USING fts5(
    subject_id UNINDEXED, body, tokenize='unicode61 remove_diacritics 2'
);

-- Merges and splits, newest last; undoing one restores each member's previous merged_into.
CREATE TABLE subject_operations (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    root_id      INTEGER NOT NULL REFERENCES subjects(id),
    members      TEXT NOT NULL,                 -- JSON [{"id":..,"before":..|null,"after":..|null}]
    automatic    INTEGER NOT NULL DEFAULT 0,
    reason       TEXT,
    at           TEXT NOT NULL,
    by_user      TEXT NOT NULL,
    undone_at    TEXT,
    undone_by    TEXT
);

-- Pairs that may be the same subject, ranked for the investigator; a decision is kept across
-- reruns (a rejected pair is never proposed or merged automatically again).
CREATE TABLE resolution_candidates (
    id            INTEGER PRIMARY KEY,
    subject_a     INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    subject_b     INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    score         INTEGER NOT NULL,             -- 0-100
    explanation   TEXT NOT NULL,                -- plain language
    evidence      TEXT,                         -- JSON: fields that agreed and disagreed
    state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'confirmed', 'rejected')),
    decided_at    TEXT,
    decided_by    TEXT,
    reason        TEXT,
    CHECK (subject_a < subject_b),
    UNIQUE (subject_a, subject_b)
);
CREATE INDEX resolution_candidates_state ON resolution_candidates(state, score);

-- Rows the investigator kept apart by a split or by undoing an automatic merge: never merged
-- automatically or proposed again while the operation stands (undoing a split removes them).
CREATE TABLE subject_separations (
    subject_a     INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    subject_b     INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    operation_id  INTEGER NOT NULL REFERENCES subject_operations(id),
    CHECK (subject_a < subject_b),
    PRIMARY KEY (subject_a, subject_b, operation_id)
) WITHOUT ROWID;

-- Money in and out per subject member and currency, rebuilt after each import: from the
-- member's own statements, from the other side of transactions for accounts without a statement
-- of their own, and from goAML/counterparty party links not already counted through an account.
CREATE TABLE subject_flows (
    subject_id   INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    currency     TEXT NOT NULL,
    in_minor     INTEGER NOT NULL DEFAULT 0,
    out_minor    INTEGER NOT NULL DEFAULT 0,
    in_count     INTEGER NOT NULL DEFAULT 0,
    out_count    INTEGER NOT NULL DEFAULT 0,
    first_at     INTEGER,
    last_at      INTEGER
);
CREATE INDEX subject_flows_subject ON subject_flows(subject_id);

-- Screening of subjects against the current sanctions lists. One row per subject member and
-- list entry; reruns update the score and keep the investigator's decision.
CREATE TABLE screening_hits (
    id              INTEGER PRIMARY KEY,
    subject_id      INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    entry_id        INTEGER NOT NULL REFERENCES sanction_entries(id) ON DELETE CASCADE,
    subject_name    TEXT NOT NULL,               -- the subject's spelling that matched
    matched_name    TEXT NOT NULL,               -- the entry's name or alias that matched
    matched_kind    TEXT,                        -- primary, aka, weak, original_script, ...
    score           INTEGER NOT NULL,            -- 0-100
    explanation     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'confirmed', 'dismissed')),
    reason          TEXT,
    decided_at      TEXT,
    decided_by      TEXT,
    screened_at     TEXT NOT NULL,
    UNIQUE (subject_id, entry_id)
);
CREATE INDEX screening_hits_entry ON screening_hits(entry_id);
