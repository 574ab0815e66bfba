-- Store version 1 → 2: report identity and versions, finding ids, cross-report findings, reviews by
-- finding id (a version-1 review keeps its fingerprint until the next ingest maps it to a finding id).
ALTER TABLE reports ADD COLUMN identity TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX ix_reports_identity ON reports(identity, version);
ALTER TABLE indicators ADD COLUMN label TEXT;
ALTER TABLE indicators ADD COLUMN group_path TEXT;
ALTER TABLE projects ADD COLUMN label TEXT;
ALTER TABLE discrepancies ADD COLUMN finding_id TEXT NOT NULL DEFAULT '';
ALTER TABLE discrepancies ADD COLUMN source_text TEXT;
CREATE INDEX ix_discrepancies_finding ON discrepancies(finding_id);
CREATE TABLE figure_keys (key TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE cross_findings (
    finding_id TEXT PRIMARY KEY, rule TEXT NOT NULL, severity TEXT NOT NULL, identity TEXT NOT NULL, unit_name TEXT,
    fiscal_year INTEGER, fields TEXT NOT NULL, stated TEXT, expected TEXT, message TEXT NOT NULL, page INTEGER,
    source_text TEXT, files TEXT NOT NULL
);
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
ALTER TABLE reviews RENAME TO reviews_v1;
CREATE TABLE reviews (
    finding_id TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
    note TEXT, reviewer TEXT, reviewed_at TEXT NOT NULL
);
DROP VIEW v_discrepancies;
CREATE VIEW v_discrepancies AS
SELECT x.id, r.unit_name, r.fiscal_year, x.rule, x.severity, x.message, x.page, x.indicator,
       COALESCE(v.status, 'open') AS review_status, v.note AS review_note, d.path, x.fingerprint, x.finding_id
FROM discrepancies x
JOIN reports r ON r.id = x.report_id
JOIN documents d ON d.id = r.document_id
LEFT JOIN reviews v ON v.finding_id = x.finding_id;
