-- Store version 2 → 3: provenance for the viewer and `show`. Each figure's box on its PDF page and
-- its paragraph index, each indicator part's place, each finding's evidence, page sizes, and the
-- document's blocks (paragraphs and tables) so a finding's passage can be shown in its context.
-- Rows stored before version 3 have none of these until they are ingested again (ingest --force).
ALTER TABLE figures ADD COLUMN paragraph INTEGER;
ALTER TABLE figures ADD COLUMN box_x0 NUMERIC;
ALTER TABLE figures ADD COLUMN box_y0 NUMERIC;
ALTER TABLE figures ADD COLUMN box_x1 NUMERIC;
ALTER TABLE figures ADD COLUMN box_y1 NUMERIC;
ALTER TABLE indicators ADD COLUMN paragraph INTEGER;
ALTER TABLE indicators ADD COLUMN places TEXT;
ALTER TABLE discrepancies ADD COLUMN evidence TEXT;
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
