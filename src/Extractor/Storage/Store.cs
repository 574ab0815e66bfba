using System.Text.Json;
using Dapper;
using Extractor.Extraction;
using System.Data.Common;
using Extractor.Exports;

namespace Extractor.Storage;

/// <summary>A database that a read command was pointed at but that does not exist (nothing is created).</summary>
public sealed class StoreNotFoundException(string path) : Exception($"数据库不存在：{path}（先用 ingest 导入报告，或用 --db / EXTRACTOR_DB 指定已有的数据库）");

/// <summary>
/// The store (Dapper): an embedded SQLite file by default, or a shared PostgreSQL server when --db is a connection
/// string. Migrations applied on open, one transaction per document, parameters only. Every storage concern stays
/// behind this class; what the two databases do differently is in <see cref="IStoreDialect"/>. Listings sort NULLS
/// FIRST: SQLite's own order, spelled out so that PostgreSQL lists rows the same way.
/// </summary>
public sealed partial class Store : IDisposable
{
    private const int SchemaVersion = 4;
    private const int ListingTablesSince = 4; // the version that brought report_summary and finding_list
    private readonly DbConnection _db;
    private readonly IStoreDialect _dialect;
    private readonly Lock _lock = new();

    /// <summary>The store as named in messages: the file, or the server and database (no password).</summary>
    public string Path => _dialect.Name;

    private Store(IStoreDialect dialect, DbConnection db) { _dialect = dialect; _db = db; }

    public DbConnection Connection => _db;

    /// <summary>Opens the store, creating it when missing (ingest). <paramref name="target"/> is a file or a PostgreSQL connection string.</summary>
    public static Store Open(string target) => Open(StoreDialect.For(target), create: true);

    /// <summary>Opens a store that must already exist (the read commands): nothing is created.</summary>
    public static Store OpenExisting(string target) => Open(StoreDialect.For(target), create: false);

    private static Store Open(IStoreDialect dialect, bool create)
    {
        var db = dialect.Connect(create);
        try
        {
            using var tx = db.BeginTransaction();
            if (dialect.Migrate(db, tx, SchemaVersion) < ListingTablesSince) RefreshListings(db, tx, dialect, null);
            RefreshKeys(db, tx);
            tx.Commit();
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return new Store(dialect, db);
    }

    /// <summary>A SQLite connection that cannot write, for tests of the guarantee; the store must exist.</summary>
    public static Microsoft.Data.Sqlite.SqliteConnection OpenReadOnly(string path) => new SqliteDialect(path).ConnectReadOnly();

    /// <summary>An auditor's ad-hoc SQL, run where writes are refused (a DbException says why a query was refused).</summary>
    public static Tabular ReadOnlyQuery(string target, string sql) => StoreDialect.For(target).ReadOnlyQuery(sql);

    internal static string Resource(string name)
    {
        using var stream = typeof(Store).Assembly.GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    // The key catalogue as a table, for SQL users and the workbook's Chinese labels.
    private static void RefreshKeys(DbConnection db, DbTransaction tx)
    {
        db.Execute("DELETE FROM figure_keys", transaction: tx);
        db.Execute("INSERT INTO figure_keys(key, kind, label, ord) VALUES (@Name, @kind, @Label, @ord)",
            Keys.All.Select((k, i) => new { k.Name, kind = k.Kind.ToString().ToLowerInvariant(), k.Label, ord = i }), tx);
    }

    public long StartRun() =>
        _db.ExecuteScalar<long>("INSERT INTO ingest_runs(started_at) VALUES (@t) RETURNING id", new { t = Now() });

    /// <summary>Closes a run, and recomputes what depends on several reports (versions, VERSION_CONFLICT, COPIED_TEXT).</summary>
    public void FinishRun(long run, int files, int ok, int failed, int skipped)
    {
        lock (_lock)
        {
            _db.Execute("UPDATE ingest_runs SET finished_at = @t, files = @files, ok = @ok, failed = @failed, skipped = @skipped WHERE id = @run",
                new { t = Now(), files, ok, failed, skipped, run });
            Reconcile();
            FindCopies();
            RefreshAllListings();
        }
    }

    /// <summary>Is this content already stored (under any path)? Safe to call from extraction threads.</summary>
    public bool HasShared(string sha256)
    {
        lock (_lock) return _db.ExecuteScalar<long>("SELECT COUNT(*) FROM documents WHERE sha256 = @sha256", new { sha256 }) > 0;
    }

    /// <summary>Stores one processed file in one transaction; replaces what the same path or content held before.</summary>
    public bool Save(ProcessedFile f, long run, bool force)
    {
        lock (_lock) return SaveLocked(f, run, force);
    }

    private bool SaveLocked(ProcessedFile f, long run, bool force)
    {
        using var tx = _db.BeginTransaction();
        var existing = _db.ExecuteScalar<long?>("SELECT id FROM documents WHERE sha256 = @Sha256", new { f.Sha256 }, tx);
        if (existing is not null && !force) { tx.Commit(); return false; }
        // A changed file at the same path replaces its old rows; so does --force for the same content.
        var identities = _db.Query<string>("SELECT r.identity FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.path = @Path OR d.sha256 = @Sha256",
            new { f.Path, f.Sha256 }, tx).ToHashSet();
        _db.Execute("DELETE FROM page_text WHERE document_id IN (SELECT id FROM documents WHERE path = @Path OR sha256 = @Sha256)", new { f.Path, f.Sha256 }, tx);
        _db.Execute("DELETE FROM documents WHERE path = @Path OR sha256 = @Sha256", new { f.Path, f.Sha256 }, tx);
        var source = f.Json["source"]!;
        var inserted = _db.ExecuteScalar<long?>(
            """
            INSERT INTO documents(path, sha256, format, pages, status, error_code, error_message, run_id, ingested_at)
            VALUES (@path, @sha, @format, @pages, @status, @code, @message, @run, @t)
            ON CONFLICT (sha256) DO NOTHING RETURNING id
            """,
            new
            {
                path = f.Path, sha = f.Sha256.Length > 0 ? f.Sha256 : "unreadable:" + f.Path, format = source["format"]?.ToString(),
                pages = source["pages"]?.GetValue<int>(), status = f.Ok ? "ok" : "failed", code = f.ErrorCode, message = f.ErrorMessage, run, t = Now(),
            }, tx);
        // Another process stored the same content since the check above (a shared server): it is there once, keep theirs.
        if (inserted is not { } docId) { tx.Rollback(); return false; }
        if (f.Document is { } doc) SaveDocument(doc, docId, tx);
        if (f.Report is { } r) identities.Add(SaveReport(f, r, docId, tx));
        RefreshListings(_db, tx, _dialect, identities);
        tx.Commit();
        return true;
    }

    /// <returns>the report's identity.</returns>
    private string SaveReport(ProcessedFile f, Report r, long docId, DbTransaction tx)
    {
        var identity = ReportIdentity.Of(r.Info.UnitName, r.Info.FiscalYear, f.Sha256);
        var reportId = _db.ExecuteScalar<long>(
            "INSERT INTO reports(document_id, unit_name, fiscal_year, filled_date, identity) VALUES (@docId, @u, @y, @d, @identity) RETURNING id",
            new { docId, u = r.Info.UnitName, y = r.Info.FiscalYear, d = r.Info.FilledDate, identity }, tx);
        Insert(
                """
                INSERT INTO figures(report_id, key, statement, value, word, unit, source_text, page, paragraph, box_x0, box_y0, box_x1, box_y1)
                VALUES (@reportId, @Key, @n, @v, @Word, @Unit, @Text, @Page, @Paragraph, @x0, @y0, @x1, @y1)
                """,
            r.Statements.GroupBy(s => s.Key).SelectMany(group => group.Select((s, n) => new
            {
                reportId, s.Key, n, v = s.Word is null ? s.Value : (decimal?)null, s.Word, s.Unit, s.Text, s.Page, s.Paragraph,
                x0 = Point(s.Box?.Left), y0 = Point(s.Box?.Bottom), x1 = Point(s.Box?.Right), y1 = Point(s.Box?.Top),
            })), tx);
        Insert(
            """
            INSERT INTO indicators(report_id, seq, label, group_path, name, target_op, target_value, target_unit, midyear_value, actual_value, actual_unit,
                                   completion_rate, weight, score, deviation_reason, improvement, page, paragraph, places)
            VALUES (@reportId, @Seq, @Label, @group, @Name, @op, @tv, @tu, @mv, @av, @au, @CompletionRate, @Weight, @Score, @DeviationReason, @Improvement, @Page,
                    @Paragraph, @places)
            """,
            r.Indicators.Select(i => new
            {
                reportId, i.Seq, i.Label, group = i.Group is { } g ? string.Join("/", g) : null, i.Name, op = i.Target?.Op, tv = i.Target?.Value,
                tu = i.Target?.Unit, mv = i.Midyear?.Value, av = i.Actual?.Value, au = i.Actual?.Unit, i.CompletionRate, i.Weight, i.Score,
                i.DeviationReason, i.Improvement, i.Page, i.Paragraph,
                places = i.Boxes.Count == 0 ? null : new System.Text.Json.Nodes.JsonObject(i.Boxes.Select(p => KeyValuePair.Create(p.Key,
                    (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject { ["page"] = p.Value.Page, ["box"] = ReportJson.BoxNode(p.Value.Box) }))).ToJsonString(),
            }), tx);
        Insert("INSERT INTO projects(report_id, label, name, budget, actual, page) VALUES (@reportId, @Label, @Name, @Budget, @Actual, @Page)",
            r.Projects.Select(p => new { reportId, p.Label, p.Name, p.Budget, p.Actual, p.Page }), tx);
        Insert(
            """
            INSERT INTO discrepancies(report_id, rule, severity, fields, stated, expected, message, page, indicator, fingerprint, finding_id, source_text, evidence)
            VALUES (@reportId, @Rule, @Severity, @fields, @stated, @expected, @Message, @Page, @Indicator, @fingerprint, @finding, @Source, @evidence)
            """,
            f.Discrepancies.Select(d => new
            {
                reportId, d.Rule, d.Severity, fields = JsonSerializer.Serialize(d.Fields), stated = Text(d.Stated), expected = Text(d.Expected),
                d.Message, d.Page, d.Indicator, fingerprint = Fingerprint(f.Sha256, d),
                finding = ReportIdentity.FindingId(identity, d.Rule, d.Fields, d.Indicator), d.Source,
                evidence = d.Evidence.Count == 0 ? null : ReportJson.Evidence(d.Evidence).ToJsonString(),
            }), tx);
        Insert("INSERT INTO checks_skipped(report_id, rule, reason, indicator) VALUES (@reportId, @Rule, @Reason, @Indicator)",
            f.Skipped.Select(c => new { reportId, c.Rule, c.Reason, c.Indicator }), tx);
        Insert("INSERT INTO unread(report_id, value, unit, source_text, page) VALUES (@reportId, @Value, @Unit, @Text, @Page)",
            r.Unread.Select(u => new { reportId, u.Value, u.Unit, u.Text, u.Page }), tx);
        return identity;
    }

    // Page text for search; page sizes and blocks for showing a passage in its place.
    private void SaveDocument(Reading.Document doc, long docId, DbTransaction tx)
    {
        Insert("INSERT INTO page_text(document_id, page, text) VALUES (@docId, @n, @text)",
            doc.Pages.Select(page => new { docId, n = page.Number, text = Reading.DocumentText.Render(doc with { Pages = [page] }) }), tx);
        Insert("INSERT INTO pages(document_id, page, width, height) VALUES (@docId, @Number, @w, @h)",
            doc.Pages.Select(page => new { docId, page.Number, w = page.Width > 0 ? Point(page.Width) : null, h = page.Height > 0 ? Point(page.Height) : null }), tx);
        Insert("INSERT INTO blocks(document_id, seq, body_index, page, kind, content) VALUES (@docId, @seq, @Index, @Page, @kind, @content)",
            doc.Blocks.Select((b, seq) => new { docId, seq, b.Index, b.Page, kind = b is Reading.Table ? "table" : "paragraph", content = StoredBlocks.Content(b) }), tx);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"@\w+")] private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>
    /// One INSERT per row. In-process (SQLite) a row costs microseconds; on a server each statement is a round trip,
    /// so there the rows go as a few commands of many statements each, every placeholder numbered by its row.
    /// </summary>
    private void Insert<T>(string sql, IEnumerable<T> rows, DbTransaction tx)
    {
        if (_dialect.RowsPerCommand <= 1) { _db.Execute(sql, rows, tx); return; }
        var properties = typeof(T).GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var names = Placeholder().Matches(sql).Select(m => m.Value).Distinct().ToList();
        foreach (var chunk in rows.Chunk(_dialect.RowsPerCommand))
        {
            var text = new System.Text.StringBuilder();
            var args = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                text.Append(Placeholder().Replace(sql, m => $"{m.Value}_{i}")).Append(";\n");
                foreach (var name in names) args.Add($"{name[1..]}_{i}", properties[name[1..]].GetValue(chunk[i]));
            }
            _db.Execute(text.ToString(), args, tx);
        }
    }

    private static decimal? Point(double? v) => v is { } d ? Math.Round((decimal)d, 2) : null;

    private static string? Text(object? v) => v switch
    {
        null => null,
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Fingerprint(string sha256, Validation.Discrepancy d) =>
        $"{sha256}|{d.Rule}|{string.Join(",", d.Fields)}|{d.Indicator}";

    private static string Now() => DateTime.UtcNow.ToString("O");

    public void Dispose() => _db.Dispose();
}
