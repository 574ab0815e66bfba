-- Extractor store, schema version 3 (PRAGMA user_version); older stores are brought up to date by
-- schema/migrate-2.sql and migrate-3.sql. Portable types only in the tables (INTEGER, TEXT, NUMERIC); the SQLite-only
-- full-text index is kept apart in page_text.
CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    files       INTEGER NOT NULL DEFAULT 0,
    ok          INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    format        TEXT,
    pages         INTEGER,
    status        TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_code    TEXT,
    error_message TEXT,
    run_id        INTEGER REFERENCES ingest_runs(id),
    ingested_at   TEXT NOT NULL
);
CREATE INDEX ix_documents_path ON documents(path);

-- One extraction per document. identity = the report's unit (normalised) and year: files with the same
-- identity are renditions of one report (same figures) or versions of it (figures that differ).
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    unit_name   TEXT,
    fiscal_year INTEGER,
    filled_date TEXT,
    identity    TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_reports_year ON reports(fiscal_year, unit_name);
CREATE INDEX ix_reports_identity ON reports(identity, version);

-- Every statement of every figure; statement 0 is the report's value (the first statement).
CREATE TABLE figures (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    statement   INTEGER NOT NULL DEFAULT 0,
    value       NUMERIC,
    word        TEXT,
    unit        TEXT,
    source_text TEXT,
    page        INTEGER,
    paragraph   INTEGER,           -- body index of its paragraph or table (Word's paragraph index)
    box_x0      NUMERIC,           -- the box of its glyphs on a PDF page, points, origin bottom-left
    box_y0      NUMERIC,
    box_x1      NUMERIC,
    box_y1      NUMERIC
);
CREATE INDEX ix_figures_key ON figures(key, statement, report_id);

-- The key catalogue (Lexicon/keys.tsv), refreshed on open: kind and the Chinese label of each key.
CREATE TABLE figure_keys (
    key   TEXT PRIMARY KEY,
    kind  TEXT NOT NULL,
    label TEXT NOT NULL,
    ord   INTEGER NOT NULL
);
CREATE INDEX ix_figures_report ON figures(report_id);

CREATE TABLE indicators (
    id               INTEGER PRIMARY KEY,
    report_id        INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    label            TEXT,
    group_path       TEXT,
    name             TEXT NOT NULL,
    target_op        TEXT,
    target_value     NUMERIC,
    target_unit      TEXT,
    midyear_value    NUMERIC,
    actual_value     NUMERIC,
    actual_unit      TEXT,
    completion_rate  NUMERIC,
    weight           NUMERIC,
    score            NUMERIC,
    deviation_reason TEXT,
    improvement      TEXT,
    page             INTEGER,
    paragraph        INTEGER,
    places           TEXT      -- JSON: part -> {page, box}, where each part's number stands
);
CREATE INDEX ix_indicators_report ON indicators(report_id);

CREATE TABLE projects (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    label     TEXT,
    name      TEXT NOT NULL,
    budget    NUMERIC,
    actual    NUMERIC,
    page      INTEGER
);
CREATE INDEX ix_projects_report ON projects(report_id);

-- finding_id = hash of the report's identity + rule + fields + indicator: the same finding in every
-- rendition, after re-ingest and on another machine. fingerprint (document sha256 + rule + fields +
-- indicator) is kept for reviews made before finding ids.
CREATE TABLE discrepancies (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    fields      TEXT NOT NULL,
    stated      TEXT,
    expected    TEXT,
    message     TEXT NOT NULL,
    page        INTEGER,
    indicator   INTEGER,
    fingerprint TEXT NOT NULL,
    finding_id  TEXT NOT NULL DEFAULT '',
    source_text TEXT,
    evidence    TEXT           -- JSON: each figure it names, with text, page, box, paragraph, value
);
CREATE INDEX ix_discrepancies_finding ON discrepancies(finding_id);
CREATE INDEX ix_discrepancies_rule ON discrepancies(rule, report_id);
CREATE INDEX ix_discrepancies_report ON discrepancies(report_id);
CREATE INDEX ix_discrepancies_fingerprint ON discrepancies(fingerprint);

-- What validation could not check (a reason per rule or indicator), and figures no key took.
CREATE TABLE checks_skipped (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    rule      TEXT NOT NULL,
    reason    TEXT NOT NULL,
    indicator INTEGER
);
CREATE INDEX ix_checks_skipped_report ON checks_skipped(report_id);
CREATE TABLE unread (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    value       NUMERIC,
    unit        TEXT,
    source_text TEXT,
    page        INTEGER
);
CREATE INDEX ix_unread_report ON unread(report_id);

-- Findings across reports (VERSION_CONFLICT, COPIED_TEXT), recomputed after each ingest.
CREATE TABLE cross_findings (
    finding_id  TEXT PRIMARY KEY,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    identity    TEXT NOT NULL,
    unit_name   TEXT,
    fiscal_year INTEGER,
    fields      TEXT NOT NULL,
    stated      TEXT,
    expected    TEXT,
    message     TEXT NOT NULL,
    page        INTEGER,
    source_text TEXT,
    files       TEXT NOT NULL
);
CREATE INDEX ix_cross_findings_identity ON cross_findings(identity);

-- The listings auditors open, kept as tables (see migrate-4.sql): derived rows, refreshed by the store.
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

-- An auditor's verdicts, by finding id, kept apart from ingested rows so they survive re-ingest.
CREATE TABLE reviews (
    finding_id  TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
    note        TEXT,
    reviewer    TEXT,
    reviewed_at TEXT NOT NULL
);

-- Page sizes (points) for drawing boxes over a page image, and the document's paragraphs and tables
-- (content: the text, or JSON rows of [text, column, rowspan, colspan]) to show a passage in context.
CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL,
    width       NUMERIC,
    height      NUMERIC,
    PRIMARY KEY (document_id, page)
);
CREATE TABLE blocks (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    body_index  INTEGER,
    page        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('paragraph', 'table')),
    content     TEXT NOT NULL
);
CREATE INDEX ix_blocks_document ON blocks(document_id, seq);

CREATE VIRTUAL TABLE page_text USING fts5(document_id UNINDEXED, page UNINDEXED, text, tokenize = 'trigram');

CREATE VIEW v_reports AS
SELECT r.id AS report_id, d.path, r.unit_name, r.fiscal_year, r.filled_date,
       MAX(CASE WHEN f.key = 'budget.initial' THEN f.value END)         AS budget_initial,
       MAX(CASE WHEN f.key = 'budget.adjustment' THEN f.value END)      AS budget_adjustment,
       MAX(CASE WHEN f.key = 'budget.adjusted' THEN f.value END)        AS budget_adjusted,
       MAX(CASE WHEN f.key = 'budget.adjustment_rate' THEN f.value END) AS adjustment_rate,
       MAX(CASE WHEN f.key = 'budget.actual' THEN f.value END)          AS budget_actual,
       MAX(CASE WHEN f.key = 'budget.execution_rate' THEN f.value END)  AS execution_rate,
       MAX(CASE WHEN f.key = 'score.total' THEN f.value END)            AS score_total,
       MAX(CASE WHEN f.key = 'grade' THEN f.word END)                   AS grade,
       (SELECT COUNT(*) FROM discrepancies x WHERE x.report_id = r.id)  AS discrepancies
FROM reports r
JOIN documents d ON d.id = r.document_id
LEFT JOIN figures f ON f.report_id = r.id AND f.statement = 0
GROUP BY r.id;

CREATE VIEW v_discrepancies AS
SELECT x.id, r.unit_name, r.fiscal_year, x.rule, x.severity, x.message, x.page, x.indicator,
       COALESCE(v.status, 'open') AS review_status, v.note AS review_note, d.path, x.fingerprint, x.finding_id
FROM discrepancies x
JOIN reports r ON r.id = x.report_id
JOIN documents d ON d.id = r.document_id
LEFT JOIN reviews v ON v.finding_id = x.finding_id;
