using System.Text.Json;
using Dapper;
using Extractor.Extraction;
using Microsoft.Data.Sqlite;

namespace Extractor.Storage;

/// <summary>A database that a read command was pointed at but that does not exist (nothing is created).</summary>
public sealed class StoreNotFoundException(string path) : Exception($"数据库不存在：{path}（先用 ingest 导入报告，或用 --db / EXTRACTOR_DB 指定已有的数据库）");

/// <summary>
/// The SQLite store (Microsoft.Data.Sqlite + Dapper): WAL, migrations by PRAGMA user_version applied
/// on open, one transaction per document, parameters only. Every storage concern stays behind this
/// class, so that moving to a shared server is a change in one place.
/// </summary>
public sealed partial class Store : IDisposable
{
    private const int SchemaVersion = 3;
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();

    public string Path { get; }

    private Store(string path, SqliteConnection db) { Path = path; _db = db; }

    public SqliteConnection Connection => _db;

    /// <summary>Opens the store, creating it when missing (ingest).</summary>
    public static Store Open(string path)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString());
        db.Open();
        db.Execute("PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        Migrate(db);
        return new Store(path, db);
    }

    /// <summary>Opens a store that must already exist (the read commands): nothing is created.</summary>
    public static Store OpenExisting(string path)
    {
        if (!File.Exists(path)) throw new StoreNotFoundException(System.IO.Path.GetFullPath(path));
        return Open(path);
    }

    /// <summary>A connection that cannot write: for auditors' ad-hoc queries. The store must exist.</summary>
    public static SqliteConnection OpenReadOnly(string path)
    {
        if (!File.Exists(path)) throw new StoreNotFoundException(System.IO.Path.GetFullPath(path));
        using (Open(path)) { } // brings an older store up to date first
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        db.Execute("PRAGMA query_only = ON;");
        return db;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(Store).Assembly.GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Migrate(SqliteConnection db)
    {
        using var tx = db.BeginTransaction(deferred: false);
        var version = db.ExecuteScalar<long>("PRAGMA user_version", transaction: tx);
        if (version < 1) db.Execute(Resource("schema.sql"), transaction: tx);
        else
        {
            if (version < 2)
            {
                db.Execute(Resource("migrate-2.sql"), transaction: tx);
                Backfill(db, tx);
            }
            if (version < 3) db.Execute(Resource("migrate-3.sql"), transaction: tx);
        }
        if (version < SchemaVersion) db.Execute($"PRAGMA user_version = {SchemaVersion}", transaction: tx);
        RefreshKeys(db, tx);
        tx.Commit();
    }

    // The key catalogue as a table, for SQL users and the workbook's Chinese labels.
    private static void RefreshKeys(SqliteConnection db, SqliteTransaction tx)
    {
        db.Execute("DELETE FROM figure_keys", transaction: tx);
        db.Execute("INSERT INTO figure_keys(key, kind, label, ord) VALUES (@Name, @kind, @Label, @ord)",
            Keys.All.Select((k, i) => new { k.Name, kind = k.Kind.ToString().ToLowerInvariant(), k.Label, ord = i }), tx);
    }

    // A version-1 store: identities and finding ids for what it holds, and its reviews moved to finding ids.
    private static void Backfill(SqliteConnection db, SqliteTransaction tx)
    {
        var reports = db.Query<(long Id, string? Unit, long? Year, string Sha)>(
            "SELECT r.id, r.unit_name, r.fiscal_year, d.sha256 FROM reports r JOIN documents d ON d.id = r.document_id", transaction: tx).ToList();
        foreach (var r in reports)
            db.Execute("UPDATE reports SET identity = @identity WHERE id = @Id", new { identity = ReportIdentity.Of(r.Unit, (int?)r.Year, r.Sha), r.Id }, tx);
        var rows = db.Query<(long Id, string Identity, string Rule, string Fields, long? Indicator)>(
            "SELECT x.id, r.identity, x.rule, x.fields, x.indicator FROM discrepancies x JOIN reports r ON r.id = x.report_id", transaction: tx).ToList();
        foreach (var x in rows)
            db.Execute("UPDATE discrepancies SET finding_id = @f WHERE id = @Id",
                new { f = ReportIdentity.FindingId(x.Identity, x.Rule, JsonSerializer.Deserialize<string[]>(x.Fields) ?? [], (int?)x.Indicator), x.Id }, tx);
        db.Execute("""
            INSERT OR REPLACE INTO reviews(finding_id, status, note, reviewer, reviewed_at)
            SELECT DISTINCT x.finding_id, v.status, v.note, NULL, v.reviewed_at FROM reviews_v1 v JOIN discrepancies x ON x.fingerprint = v.fingerprint
            """, transaction: tx);
        db.Execute("DROP TABLE reviews_v1", transaction: tx);
    }

    public long StartRun() =>
        _db.ExecuteScalar<long>("INSERT INTO ingest_runs(started_at) VALUES (@t) RETURNING id", new { t = Now() });

    /// <summary>Closes a run, and recomputes what depends on several reports (versions, VERSION_CONFLICT).</summary>
    public void FinishRun(long run, int files, int ok, int failed, int skipped)
    {
        lock (_lock)
        {
            _db.Execute("UPDATE ingest_runs SET finished_at = @t, files = @files, ok = @ok, failed = @failed, skipped = @skipped WHERE id = @run",
                new { t = Now(), files, ok, failed, skipped, run });
            Reconcile();
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
        using var tx = _db.BeginTransaction(deferred: false);
        var existing = _db.ExecuteScalar<long?>("SELECT id FROM documents WHERE sha256 = @Sha256", new { f.Sha256 }, tx);
        if (existing is not null && !force) { tx.Commit(); return false; }
        // A changed file at the same path replaces its old rows; so does --force for the same content.
        _db.Execute("DELETE FROM page_text WHERE document_id IN (SELECT id FROM documents WHERE path = @Path OR sha256 = @Sha256)", new { f.Path, f.Sha256 }, tx);
        _db.Execute("DELETE FROM documents WHERE path = @Path OR sha256 = @Sha256", new { f.Path, f.Sha256 }, tx);
        var source = f.Json["source"]!;
        var docId = _db.ExecuteScalar<long>(
            """
            INSERT INTO documents(path, sha256, format, pages, status, error_code, error_message, run_id, ingested_at)
            VALUES (@path, @sha, @format, @pages, @status, @code, @message, @run, @t) RETURNING id
            """,
            new
            {
                path = f.Path, sha = f.Sha256.Length > 0 ? f.Sha256 : "unreadable:" + f.Path, format = source["format"]?.ToString(),
                pages = source["pages"]?.GetValue<int>(), status = f.Ok ? "ok" : "failed", code = f.ErrorCode, message = f.ErrorMessage, run, t = Now(),
            }, tx);
        if (f.Document is { } doc) SaveDocument(doc, docId, tx);
        if (f.Report is { } r) SaveReport(f, r, docId, tx);
        tx.Commit();
        return true;
    }

    private void SaveReport(ProcessedFile f, Report r, long docId, SqliteTransaction tx)
    {
        var identity = ReportIdentity.Of(r.Info.UnitName, r.Info.FiscalYear, f.Sha256);
        var reportId = _db.ExecuteScalar<long>(
            "INSERT INTO reports(document_id, unit_name, fiscal_year, filled_date, identity) VALUES (@docId, @u, @y, @d, @identity) RETURNING id",
            new { docId, u = r.Info.UnitName, y = r.Info.FiscalYear, d = r.Info.FilledDate, identity }, tx);
        foreach (var group in r.Statements.GroupBy(s => s.Key))
            _db.Execute(
                """
                INSERT INTO figures(report_id, key, statement, value, word, unit, source_text, page, paragraph, box_x0, box_y0, box_x1, box_y1)
                VALUES (@reportId, @Key, @n, @v, @Word, @Unit, @Text, @Page, @Paragraph, @x0, @y0, @x1, @y1)
                """,
                group.Select((s, n) => new
                {
                    reportId, s.Key, n, v = s.Word is null ? s.Value : (decimal?)null, s.Word, s.Unit, s.Text, s.Page, s.Paragraph,
                    x0 = Point(s.Box?.Left), y0 = Point(s.Box?.Bottom), x1 = Point(s.Box?.Right), y1 = Point(s.Box?.Top),
                }), tx);
        _db.Execute(
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
        _db.Execute("INSERT INTO projects(report_id, label, name, budget, actual, page) VALUES (@reportId, @Label, @Name, @Budget, @Actual, @Page)",
            r.Projects.Select(p => new { reportId, p.Label, p.Name, p.Budget, p.Actual, p.Page }), tx);
        _db.Execute(
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
        _db.Execute("INSERT INTO checks_skipped(report_id, rule, reason, indicator) VALUES (@reportId, @Rule, @Reason, @Indicator)",
            f.Skipped.Select(c => new { reportId, c.Rule, c.Reason, c.Indicator }), tx);
        _db.Execute("INSERT INTO unread(report_id, value, unit, source_text, page) VALUES (@reportId, @Value, @Unit, @Text, @Page)",
            r.Unread.Select(u => new { reportId, u.Value, u.Unit, u.Text, u.Page }), tx);
    }

    // Page text for search; page sizes and blocks for showing a passage in its place.
    private void SaveDocument(Reading.Document doc, long docId, SqliteTransaction tx)
    {
        foreach (var page in doc.Pages)
        {
            _db.Execute("INSERT INTO page_text(document_id, page, text) VALUES (@docId, @n, @text)",
                new { docId, n = page.Number, text = Reading.DocumentText.Render(doc with { Pages = [page] }) }, tx);
            _db.Execute("INSERT INTO pages(document_id, page, width, height) VALUES (@docId, @Number, @w, @h)",
                new { docId, page.Number, w = page.Width > 0 ? Point(page.Width) : null, h = page.Height > 0 ? Point(page.Height) : null }, tx);
        }
        _db.Execute("INSERT INTO blocks(document_id, seq, body_index, page, kind, content) VALUES (@docId, @seq, @Index, @Page, @kind, @content)",
            doc.Blocks.Select((b, seq) => new { docId, seq, b.Index, b.Page, kind = b is Reading.Table ? "table" : "paragraph", content = StoredBlocks.Content(b) }), tx);
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
