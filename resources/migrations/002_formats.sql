-- Fundtrace case schema, version 2: what the non-CSV formats carry beyond transactions.

-- Statements with opening and closing balances (1C СекцияРасчСчет, MT940 :60F:/:62F:,
-- camt.053 OPBD/CLBD, XLSX statements), so imports can check that rows reconcile.
CREATE TABLE statements (
    id                 INTEGER PRIMARY KEY,
    source_id          INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    account_id         INTEGER REFERENCES accounts(id),
    reference          TEXT,                 -- statement number / :20: / camt Stmt/Id
    period_start       TEXT,                 -- yyyy-MM-dd as written
    period_end         TEXT,
    currency           TEXT,
    opening_minor      INTEGER,              -- signed
    closing_minor      INTEGER,              -- signed, as stated
    credits_minor      INTEGER,              -- sum of the statement's credit rows
    debits_minor       INTEGER,
    row_count          INTEGER
);
CREATE INDEX statements_account ON statements(account_id, period_start);

-- Data-quality findings an import makes (balances that do not reconcile, gaps between
-- consecutive statements, schema deviations); shown to the user with the numbers.
CREATE TABLE data_quality_findings (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,              -- balance_mismatch, statement_gap, schema_deviation, ...
    severity     TEXT NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'error')),
    message      TEXT NOT NULL,              -- plain language, with the numbers
    details      TEXT                        -- JSON
);
CREATE INDEX dq_source ON data_quality_findings(source_id);

-- What is known about subjects from the sources (goAML persons and entities, account holders):
-- every name, identifier, phone, address, nationality, date of birth, with where it came from.
CREATE TABLE subject_attributes (
    id          INTEGER PRIMARY KEY,
    subject_id  INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,               -- name, alias, tax_id, passport, id_document, phone, email,
                                             -- address, nationality, birth_date, birth_place, occupation
    value       TEXT NOT NULL,               -- as given
    normalized  TEXT,                        -- for matching
    source_id   INTEGER REFERENCES sources(id) ON DELETE CASCADE
);
CREATE INDEX subject_attributes_subject ON subject_attributes(subject_id);
CREATE INDEX subject_attributes_value ON subject_attributes(kind, normalized);

-- Sides of a transaction that are subjects rather than (or as well as) accounts, as goAML
-- reports give them: role 'from' or 'to'.
CREATE TABLE transaction_parties (
    transaction_id  INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('from', 'to')),
    subject_id      INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    PRIMARY KEY (transaction_id, role, subject_id)
) WITHOUT ROWID;
CREATE INDEX transaction_parties_subject ON transaction_parties(subject_id);

-- Suspicious-transaction and other reports received (goAML): who reported, what and why.
CREATE TABLE reports (
    id                 INTEGER PRIMARY KEY,
    source_id          INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    report_code        TEXT,                 -- STR, SAR, CTR, ...
    entity_reference   TEXT,
    reporting_entity   TEXT,                 -- rentity_id / name
    submission_date    TEXT,
    reason             TEXT,
    action             TEXT,
    indicators         TEXT,                 -- JSON array of indicator codes
    submission_code    TEXT,                 -- E electronic / M manual
    fiu_ref_number     TEXT,
    currency_code_local TEXT,                -- currency of the amount_local values
    reporting_person   TEXT                  -- name of the reporting officer
);
CREATE INDEX reports_source ON reports(source_id);

-- Sanctions and terrorist lists. Re-importing a list replaces its entries; sanction_lists keeps
-- one row per imported version.
CREATE TABLE sanction_lists (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,             -- UN SC Consolidated, OFAC SDN, EU FSF, national list name, ...
    version_date  TEXT,                      -- as published (dateGenerated, Publish_Date, ...)
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    is_current    INTEGER NOT NULL DEFAULT 1,
    entry_count   INTEGER NOT NULL DEFAULT 0,
    replaced_at   TEXT
);
CREATE INDEX sanction_lists_name ON sanction_lists(name, is_current);

CREATE TABLE sanction_entries (
    id            INTEGER PRIMARY KEY,
    list_id       INTEGER NOT NULL REFERENCES sanction_lists(id) ON DELETE CASCADE,
    external_id   TEXT,                      -- DATAID, uid, logicalId, FtM id, ...
    reference     TEXT,                      -- e.g. QDi.123
    kind          TEXT NOT NULL DEFAULT 'unknown'
                  CHECK (kind IN ('person', 'organisation', 'vessel', 'aircraft', 'unknown')),
    primary_name  TEXT NOT NULL,
    programs      TEXT,                      -- programmes / regimes, comma separated
    listed_on     TEXT,
    remarks       TEXT
);
CREATE INDEX sanction_entries_list ON sanction_entries(list_id);

CREATE TABLE sanction_entry_names (
    entry_id  INTEGER NOT NULL REFERENCES sanction_entries(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT 'primary',   -- primary, aka, fka, weak, original_script
    quality   TEXT                               -- good / low, where the list says
);
CREATE INDEX sanction_entry_names_entry ON sanction_entry_names(entry_id);

CREATE TABLE sanction_entry_attributes (
    entry_id  INTEGER NOT NULL REFERENCES sanction_entries(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,                     -- birth_date, birth_place, nationality, citizenship,
                                                 -- passport, national_id, address, gender, title
    value     TEXT NOT NULL
);
CREATE INDEX sanction_entry_attributes_entry ON sanction_entry_attributes(entry_id);
