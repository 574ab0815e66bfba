-- Store version 3 → 4: the listings auditors open, kept as tables so that they read in one pass at 10^5
-- reports: one row per report version (汇总, figure columns) and one per finding of a report's files (疑点清单).
-- Derived rows only: the store refreshes them when a document is saved (its identity) and after each run
-- (all of them, under the same serialisation as versions); they are never edited by hand.
CREATE TABLE report_summary (
    identity       TEXT NOT NULL,
    version        INTEGER NOT NULL,
    report_id      INTEGER NOT NULL,
    unit_name      TEXT,
    fiscal_year    INTEGER,
    files          TEXT,
    budget_initial  NUMERIC,
    budget_adjusted NUMERIC,
    budget_actual   NUMERIC,
    execution_rate  NUMERIC,
    total_score     NUMERIC,
    grade           TEXT,
    errors         INTEGER NOT NULL,
    warnings       INTEGER NOT NULL,
    skipped        INTEGER NOT NULL,
    PRIMARY KEY (identity, version)
);
CREATE INDEX ix_report_summary_order ON report_summary(unit_name, fiscal_year, version);
CREATE TABLE finding_list (
    finding_id  TEXT PRIMARY KEY,
    identity    TEXT NOT NULL,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    message     TEXT NOT NULL,
    stated      TEXT,
    expected    TEXT,
    page        INTEGER,
    source_text TEXT,
    indicator   INTEGER,
    unit_name   TEXT,
    fiscal_year INTEGER,
    files       TEXT
);
CREATE INDEX ix_finding_list_identity ON finding_list(identity);
CREATE INDEX ix_finding_list_rule ON finding_list(rule);
-- The summary counts a report's findings across reports too, looked up by identity.
CREATE INDEX ix_cross_findings_identity ON cross_findings(identity);
