using System.Globalization;
using Dapper;

namespace Extractor.Storage;

/// <summary>One file a finding was found in, and the page.</summary>
public sealed record FindingFile(string Path, int? Page);

/// <summary>
/// One finding of the 疑点清单: listed once per report (all its renditions' files with it), under a stable id,
/// with the auditor's review.
/// </summary>
public sealed record Finding(
    string Id, string? UnitName, int? Year, string Rule, string Severity, string Message,
    string? Stated, string? Expected, int? Page, string? Source, int? Indicator, IReadOnlyList<FindingFile> Files,
    string Status, string? Note, string? Reviewer, string? ReviewedAt)
{
    public decimal? StatedNumber => Number(Stated);
    public decimal? ExpectedNumber => Number(Expected);
    public decimal? Difference => StatedNumber is { } s && ExpectedNumber is { } e ? s - e : null;

    private static decimal? Number(string? s) =>
        decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}

/// <summary>Which findings to list: by rule code, unit (contains), year, severity, review status.</summary>
public sealed record FindingFilter(string? Rule = null, string? Unit = null, int? Year = null, string? Severity = null, string? Status = null, string? Id = null);

/// <summary>What an import of reviews did to one finding.</summary>
public sealed record ReviewChange(string FindingId, string? OldStatus, string NewStatus, string? OldNote, string? NewNote, bool Known)
{
    /// <summary>When another review was made after the workbook was exported: the change was not applied.</summary>
    public string? ReviewedSinceExport { get; init; }
}

/// <summary>A row of a workbook's 疑点清单 as an auditor left it; ReviewedAt is the 核查时间 it was exported with (null: not known).</summary>
public sealed record ReviewRow(string FindingId, string? Status, string? Note, string? ReviewedAt);

public sealed partial class Store
{
    // finding_list holds a row per finding of the reports' own files (Listings.cs); cross_findings those across reports.
    private const string FindingsSql = """
        WITH one AS (
            SELECT finding_id, rule, severity, message, stated, expected, page, source_text, indicator, unit_name, fiscal_year, files FROM finding_list
            UNION ALL
            SELECT finding_id, rule, severity, message, stated, expected, page, source_text, NULL, unit_name, fiscal_year, files FROM cross_findings
        )
        SELECT one.finding_id AS Id, unit_name AS UnitName, fiscal_year AS Year, rule AS Rule, severity AS Severity, message AS Message,
               stated AS Stated, expected AS Expected, page AS Page, source_text AS Source, indicator AS Indicator, files AS Files,
               COALESCE(v.status, 'open') AS Status, v.note AS Note, v.reviewer AS Reviewer, v.reviewed_at AS ReviewedAt
        FROM one LEFT JOIN reviews v ON v.finding_id = one.finding_id
        WHERE (@Rule IS NULL OR rule = @Rule) AND (@Unit IS NULL OR unit_name LIKE '%' || @Unit || '%') AND (@Year IS NULL OR fiscal_year = @Year)
          AND (@Severity IS NULL OR severity = @Severity) AND (@Status IS NULL OR COALESCE(v.status, 'open') = @Status)
          AND (@Id IS NULL OR one.finding_id = @Id)
        ORDER BY unit_name NULLS FIRST, fiscal_year NULLS FIRST, rule, indicator NULLS FIRST, one.finding_id
        """;

    /// <summary>The 疑点清单: one row per finding per report.</summary>
    public IReadOnlyList<Finding> Findings(FindingFilter? filter = null)
    {
        lock (_lock)
            return _db.Query<FindingRow>(FindingsSql, filter ?? new FindingFilter()).Select(r => r.ToFinding()).ToList();
    }

    private sealed class FindingRow
    {
        public string Id { get; set; } = "";
        public string? UnitName { get; set; }
        public long? Year { get; set; }
        public string Rule { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public string? Stated { get; set; }
        public string? Expected { get; set; }
        public long? Page { get; set; }
        public string? Source { get; set; }
        public long? Indicator { get; set; }
        public string? Files { get; set; }
        public string Status { get; set; } = "open";
        public string? Note { get; set; }
        public string? Reviewer { get; set; }
        public string? ReviewedAt { get; set; }

        public Finding ToFinding() => new(Id, UnitName, (int?)Year, Rule, Severity, Message, Stated, Expected, (int?)Page, Source, (int?)Indicator,
            (Files ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseFile).ToList(), Status, Note, Reviewer, ReviewedAt);

        private static FindingFile ParseFile(string s)
        {
            var hash = s.LastIndexOf('#');
            return hash < 0 ? new FindingFile(s, null) : new FindingFile(s[..hash], int.TryParse(s[(hash + 1)..], out var p) ? p : null);
        }
    }

    /// <summary>The finding id a reference names: a finding id, or the number of a discrepancy row.</summary>
    public string? ResolveFinding(string reference)
    {
        lock (_lock)
        {
            if (long.TryParse(reference, out var rowId))
                return _db.ExecuteScalar<string?>("SELECT finding_id FROM discrepancies WHERE id = @rowId", new { rowId });
            var id = reference.Trim().ToUpperInvariant();
            var known = _db.ExecuteScalar<long>(
                "SELECT (SELECT COUNT(*) FROM discrepancies WHERE finding_id = @id) + (SELECT COUNT(*) FROM cross_findings WHERE finding_id = @id)", new { id });
            return known > 0 ? id : null;
        }
    }

    /// <summary>Records an auditor's verdict on a finding, with who and when; kept by finding id across re-ingest.</summary>
    public void Review(string findingId, string status, string? note, string? reviewer)
    {
        lock (_lock)
            _db.Execute("INSERT INTO reviews(finding_id, status, note, reviewer, reviewed_at) VALUES (@findingId, @status, @note, @reviewer, @t) " +
                        "ON CONFLICT(finding_id) DO UPDATE SET status = excluded.status, note = excluded.note, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at",
                new { findingId, status, note, reviewer, t = Now() });
    }

    /// <summary>
    /// Applies reviews edited elsewhere (the workbook): a row whose status or note differs from the store's is
    /// recorded; a blank status leaves the store's as it is; nothing is ever deleted. Returns what changed.
    /// </summary>
    public IReadOnlyList<ReviewChange> ImportReviews(IEnumerable<(string FindingId, string? Status, string? Note)> rows, string? reviewer) =>
        ImportReviews(rows.Select(r => new ReviewRow(r.FindingId, r.Status, r.Note, null)), reviewer);

    /// <summary>
    /// As above, and with a shared store in mind: a row whose finding was reviewed again since the workbook was
    /// exported (its 核查时间 is not the store's) would overwrite another auditor's verdict with an old one, so it
    /// is not applied but returned as a conflict.
    /// </summary>
    public IReadOnlyList<ReviewChange> ImportReviews(IEnumerable<ReviewRow> rows, string? reviewer)
    {
        var changes = new List<ReviewChange>();
        foreach (var (id, statusText, noteText, exportedAt) in rows)
        {
            var status = Validation.RuleNames.StatusCode(statusText);
            var note = string.IsNullOrWhiteSpace(noteText) ? null : noteText.Trim();
            (string Status, string? Note, string ReviewedAt)? current;
            lock (_lock) current = _db.QuerySingleOrDefault<(string, string?, string)?>("SELECT status, note, reviewed_at FROM reviews WHERE finding_id = @id", new { id });
            var newStatus = status ?? current?.Status ?? "open";
            var newNote = note ?? current?.Note;
            if (newStatus == (current?.Status ?? "open") && newNote == current?.Note) continue;
            var known = ResolveFinding(id) is not null;
            if (exportedAt is not null && (current?.ReviewedAt ?? "") != exportedAt.Trim())
            {
                changes.Add(new ReviewChange(id, current?.Status, newStatus, current?.Note, newNote, known) { ReviewedSinceExport = current?.ReviewedAt });
                continue;
            }
            Review(id, newStatus, newNote, reviewer);
            changes.Add(new ReviewChange(id, current?.Status, newStatus, current?.Note, newNote, known));
        }
        return changes;
    }
}
