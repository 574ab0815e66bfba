using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Extractor.Reading;

namespace Extractor.Storage;

/// <summary>One figure a finding names, where it stands: passage, page, box (PDF), paragraph index, value as read.</summary>
public sealed record EvidenceItem(string Field, string Label, string Text, int Page, Box? Box, int? Paragraph, decimal? Value, string? Unit);

/// <summary>One stored file: where it was read from, its content hash, format and page count.</summary>
public sealed record StoredDocument(long Id, string Path, string Sha256, string Format, int Pages);

/// <summary>One file a finding was found in, with the evidence in it.</summary>
public sealed record FindingSource(StoredDocument Document, long ReportId, int? Page, IReadOnlyList<EvidenceItem> Evidence);

/// <summary>A finding with every file it was found in and the figures it names in each.</summary>
public sealed record FindingDetail(Finding Finding, IReadOnlyList<FindingSource> Sources);

/// <summary>A table cell as stored for showing: grid position, spans, text.</summary>
public sealed record StoredCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text);

/// <summary>A paragraph (Text) or table (Cells) of a stored document, in reading order, with its page and body index.</summary>
public sealed record StoredBlock(int Seq, int? BodyIndex, int Page, string Kind, string Text, IReadOnlyList<StoredCell> Cells);

/// <summary>A report as listed: its file, unit, year and how many findings it has.</summary>
public sealed record ReportEntry(long Id, StoredDocument Document, string? UnitName, int? Year, string? FilledDate, int Findings);

/// <summary>A figure statement of a report with its place.</summary>
public sealed record PlacedFigure(string Key, string Label, int Statement, decimal? Value, string? Word, string? Unit, string? Text, int? Page, int? Paragraph, Box? Box);

/// <summary>An indicator of a report with the place of each part.</summary>
public sealed record PlacedIndicator(int Seq, string? Label, string? Group, string Name, string? TargetOp, decimal? Target, string? TargetUnit,
    decimal? Actual, string? ActualUnit, decimal? CompletionRate, decimal? Weight, decimal? Score, int? Page, int? Paragraph,
    IReadOnlyDictionary<string, (int Page, Box Box)> Places);

public sealed record PlacedProject(string? Label, string Name, decimal? Budget, decimal? Actual, int? Page);

/// <summary>Everything one report states, each with its place, and its findings.</summary>
public sealed record ReportDetail(ReportEntry Report, IReadOnlyList<PlacedFigure> Figures, IReadOnlyList<PlacedIndicator> Indicators,
    IReadOnlyList<PlacedProject> Projects, IReadOnlyList<Finding> Findings);

/// <summary>How blocks are stored: a paragraph's text, or a table's cells as JSON rows of [text, column, rowspan, colspan].</summary>
public static class StoredBlocks
{
    public static string Content(Block b) => b switch
    {
        Table t => new JsonArray(t.Rows.Select(r => (JsonNode)new JsonArray(r.Cells.Select(c =>
            (JsonNode)new JsonArray(c.Text, c.Column, c.RowSpan, c.ColumnSpan)).ToArray())).ToArray()).ToJsonString(),
        Paragraph p => p.Text,
        _ => "",
    };

    public static StoredBlock Parse(int seq, int? bodyIndex, int page, string kind, string content)
    {
        if (kind != "table") return new StoredBlock(seq, bodyIndex, page, kind, content, []);
        var rows = JsonNode.Parse(content)!.AsArray();
        var cells = rows.SelectMany((row, r) => row!.AsArray().Select(c => c!.AsArray())
            .Select(c => new StoredCell(r, (int)c[1]!, (int)c[2]!, (int)c[3]!, (string)c[0]!))).ToList();
        return new StoredBlock(seq, bodyIndex, page, kind, string.Join("\n", rows.Select(row => string.Join("\t", row!.AsArray().Select(c => (string)c![0]!)))), cells);
    }
}

/// <summary>The store's queries for `show` and the viewer: findings with their evidence, documents, blocks, reports.</summary>
public sealed partial class Store
{
    private const string DocumentColumns = "d.id AS Id, d.path AS Path, d.sha256 AS Sha256, COALESCE(d.format, '') AS Format, COALESCE(d.pages, 0) AS Pages";

    /// <summary>A finding by id, with each file it stands in and the figures it names there; null when unknown.</summary>
    public FindingDetail? FindingDetail(string id)
    {
        var finding = Findings(new FindingFilter(Id: id)).FirstOrDefault();
        if (finding is null) return null;
        lock (_lock)
        {
            var sources = new List<FindingSource>();
            var rows = _db.Query<(long Doc, long Report, long? Page, string Fields, string? Evidence, long? Indicator)>(
                "SELECT r.document_id, r.id, x.page, x.fields, x.evidence, x.indicator FROM discrepancies x JOIN reports r ON r.id = x.report_id " +
                "WHERE x.finding_id = @id ORDER BY r.document_id", new { id }).ToList();
            foreach (var row in rows)
                sources.Add(new FindingSource(DocumentLocked(row.Doc)!, row.Report, (int?)row.Page,
                    row.Evidence is { } json ? ParseEvidence(json) : FiguresAsEvidence(row.Report, Fields(row.Fields))));
            // A cross-report finding (VERSION_CONFLICT) names files: its evidence is each file's statements of its fields.
            var cross = _db.QuerySingleOrDefault<(string Fields, string Files)?>("SELECT fields, files FROM cross_findings WHERE finding_id = @id", new { id });
            if (cross is { } c)
                foreach (var file in finding.Files)
                {
                    var doc = _db.QuerySingleOrDefault<(long Doc, long Report)?>(
                        "SELECT d.id, r.id FROM documents d JOIN reports r ON r.document_id = d.id WHERE d.path = @Path", new { file.Path });
                    if (doc is { } d) sources.Add(new FindingSource(DocumentLocked(d.Doc)!, d.Report, file.Page, FiguresAsEvidence(d.Report, Fields(c.Fields))));
                }
            return new FindingDetail(finding, sources);
        }
    }

    private static string[] Fields(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static List<EvidenceItem> ParseEvidence(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(n => n!.AsObject()).Select(n => new EvidenceItem(
            (string)n["field"]!, (string)n["label"]!, (string)n["text"]!, (int)n["page"]!, BoxOf(n["box"]), (int?)n["paragraph"],
            (decimal?)n["value"], (string?)n["unit"])).ToList();

    private static Box? BoxOf(JsonNode? node) =>
        node is JsonArray a && a.Count == 4 ? new Box((double)a[0]!, (double)a[1]!, (double)a[2]!, (double)a[3]!) : null;

    // Evidence rebuilt from stored statements, for findings without stored evidence (older rows, cross-report findings).
    private List<EvidenceItem> FiguresAsEvidence(long reportId, IReadOnlyCollection<string> fields) =>
        PlacedFiguresLocked(reportId).Where(f => fields.Contains(f.Key))
            .Select(f => new EvidenceItem(f.Key, f.Label, f.Text ?? "", f.Page ?? 1, f.Box, f.Paragraph, f.Value, f.Unit)).ToList();

    public StoredDocument? Document(long id)
    {
        lock (_lock) return DocumentLocked(id);
    }

    private StoredDocument? DocumentLocked(long id) =>
        _db.QuerySingleOrDefault<DocumentRow>($"SELECT {DocumentColumns} FROM documents d WHERE d.id = @id", new { id })?.ToDocument();

    /// <summary>The size of a page in points, when the reader knew it (PDF).</summary>
    public (double Width, double Height)? PageSize(long documentId, int page)
    {
        lock (_lock)
        {
            var size = _db.QuerySingleOrDefault<(double? W, double? H)?>(
                "SELECT CAST(width AS REAL), CAST(height AS REAL) FROM pages WHERE document_id = @documentId AND page = @page", new { documentId, page });
            return size is { W: { } w, H: { } h } ? (w, h) : null;
        }
    }

    /// <summary>The paragraphs and tables of a stored document, in reading order.</summary>
    public IReadOnlyList<StoredBlock> Blocks(long documentId)
    {
        lock (_lock)
            return _db.Query<(long Seq, long? Index, long Page, string Kind, string Content)>(
                    "SELECT seq, body_index, page, kind, content FROM blocks WHERE document_id = @documentId ORDER BY seq", new { documentId })
                .Select(b => StoredBlocks.Parse((int)b.Seq, (int?)b.Index, (int)b.Page, b.Kind, b.Content)).ToList();
    }

    private const string ReportEntrySql = """
        SELECT r.id AS Id, r.unit_name AS UnitName, r.fiscal_year AS Year, r.filled_date AS FilledDate,
               (SELECT COUNT(DISTINCT finding_id) FROM discrepancies x WHERE x.report_id = r.id) AS Findings,
               d.id AS DocId, d.path AS Path, d.sha256 AS Sha256, COALESCE(d.format, '') AS Format, COALESCE(d.pages, 0) AS Pages
        FROM reports r JOIN documents d ON d.id = r.document_id
        """;

    /// <summary>Every stored report, by unit, year and file.</summary>
    public IReadOnlyList<ReportEntry> ReportEntries()
    {
        lock (_lock) return _db.Query<ReportRow>(ReportEntrySql + " ORDER BY r.unit_name, r.fiscal_year, d.path").Select(r => r.ToEntry()).ToList();
    }

    /// <summary>One report with all its figures, indicators, projects and findings; null when unknown.</summary>
    public ReportDetail? ReportDetail(long id)
    {
        ReportEntry? entry;
        List<PlacedFigure> figures;
        List<PlacedIndicator> indicators;
        List<PlacedProject> projects;
        HashSet<string> ids;
        lock (_lock)
        {
            entry = _db.QuerySingleOrDefault<ReportRow>(ReportEntrySql + " WHERE r.id = @id", new { id })?.ToEntry();
            if (entry is null) return null;
            figures = PlacedFiguresLocked(id);
            indicators = _db.Query<IndicatorRow>(
                """
                SELECT seq AS Seq, label AS Label, group_path AS GroupPath, name AS Name, target_op AS TargetOp, target_value AS Target, target_unit AS TargetUnit,
                       actual_value AS Actual, actual_unit AS ActualUnit, completion_rate AS CompletionRate, weight AS Weight, score AS Score,
                       page AS Page, paragraph AS Paragraph, places AS Places
                FROM indicators WHERE report_id = @id ORDER BY seq
                """, new { id }).Select(i => i.ToIndicator()).ToList();
            projects = _db.Query<(string? Label, string Name, object? Budget, object? Actual, long? Page)>(
                "SELECT label, name, budget, actual, page FROM projects WHERE report_id = @id ORDER BY id", new { id })
                .Select(p => new PlacedProject(p.Label, p.Name, Number(p.Budget), Number(p.Actual), (int?)p.Page)).ToList();
            ids = _db.Query<string>("SELECT DISTINCT finding_id FROM discrepancies WHERE report_id = @id", new { id }).ToHashSet();
        }
        return new ReportDetail(entry, figures, indicators, projects, Findings().Where(f => ids.Contains(f.Id)).ToList());
    }

    private List<PlacedFigure> PlacedFiguresLocked(long reportId) =>
        _db.Query<FigureRow>(
            """
            SELECT f.key AS Key, COALESCE(k.label, f.key) AS Label, f.statement AS Statement, f.value AS Value, f.word AS Word, f.unit AS Unit,
                   f.source_text AS Text, f.page AS Page, f.paragraph AS Paragraph,
                   CAST(f.box_x0 AS REAL) AS X0, CAST(f.box_y0 AS REAL) AS Y0, CAST(f.box_x1 AS REAL) AS X1, CAST(f.box_y1 AS REAL) AS Y1
            FROM figures f LEFT JOIN figure_keys k ON k.key = f.key
            WHERE f.report_id = @reportId ORDER BY COALESCE(k.ord, 999), f.key, f.statement
            """, new { reportId }).Select(f => f.ToFigure()).ToList();

    private sealed class DocumentRow
    {
        public long Id { get; set; }
        public string Path { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Format { get; set; } = "";
        public long Pages { get; set; }
        public StoredDocument ToDocument() => new(Id, Path, Sha256, Format, (int)Pages);
    }

    private sealed class ReportRow
    {
        public long Id { get; set; }
        public string? UnitName { get; set; }
        public long? Year { get; set; }
        public string? FilledDate { get; set; }
        public long Findings { get; set; }
        public long DocId { get; set; }
        public string Path { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Format { get; set; } = "";
        public long Pages { get; set; }
        public ReportEntry ToEntry() => new(Id, new StoredDocument(DocId, Path, Sha256, Format, (int)Pages), UnitName, (int?)Year, FilledDate, (int)Findings);
    }

    private sealed class FigureRow
    {
        public string Key { get; set; } = "";
        public string Label { get; set; } = "";
        public long Statement { get; set; }
        public object? Value { get; set; }
        public string? Word { get; set; }
        public string? Unit { get; set; }
        public string? Text { get; set; }
        public long? Page { get; set; }
        public long? Paragraph { get; set; }
        public double? X0 { get; set; }
        public double? Y0 { get; set; }
        public double? X1 { get; set; }
        public double? Y1 { get; set; }
        public PlacedFigure ToFigure() => new(Key, Label, (int)Statement, Number(Value), Word, Unit, Text, (int?)Page, (int?)Paragraph,
            X0 is { } x0 && Y0 is { } y0 && X1 is { } x1 && Y1 is { } y1 ? new Box(x0, y0, x1, y1) : null);
    }

    private sealed class IndicatorRow
    {
        public long Seq { get; set; }
        public string? Label { get; set; }
        public string? GroupPath { get; set; }
        public string Name { get; set; } = "";
        public string? TargetOp { get; set; }
        public object? Target { get; set; }
        public string? TargetUnit { get; set; }
        public object? Actual { get; set; }
        public string? ActualUnit { get; set; }
        public object? CompletionRate { get; set; }
        public object? Weight { get; set; }
        public object? Score { get; set; }
        public long? Page { get; set; }
        public long? Paragraph { get; set; }
        public string? Places { get; set; }

        public PlacedIndicator ToIndicator() => new((int)Seq, Label, GroupPath, Name, TargetOp, Number(Target), TargetUnit, Number(Actual), ActualUnit,
            Number(CompletionRate), Number(Weight), Number(Score), (int?)Page, (int?)Paragraph,
            Places is null ? new Dictionary<string, (int, Box)>()
                : JsonNode.Parse(Places)!.AsObject().Where(p => BoxOf(p.Value!["box"]) is not null)
                    .ToDictionary(p => p.Key, p => ((int)p.Value!["page"]!, BoxOf(p.Value!["box"])!)));
    }
}
