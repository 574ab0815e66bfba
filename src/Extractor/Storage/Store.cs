using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extractor.Storage;

/// <summary>
/// The SQLite store (Microsoft.Data.Sqlite + Dapper): WAL, migrations by PRAGMA user_version applied
/// on open, one transaction per document, parameters only. Every storage concern stays behind this
/// class, so that moving to a shared server is a change in one place.
/// </summary>
public sealed class Store : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _db;

    public string Path { get; }

    private Store(string path, SqliteConnection db) { Path = path; _db = db; }

    public SqliteConnection Connection => _db;

    public static Store Open(string path)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString());
        db.Open();
        db.Execute("PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        Migrate(db);
        return new Store(path, db);
    }

    /// <summary>A connection that cannot write: for auditors' ad-hoc queries.</summary>
    public static SqliteConnection OpenReadOnly(string path)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        db.Execute("PRAGMA query_only = ON;");
        return db;
    }

    private static void Migrate(SqliteConnection db)
    {
        using var tx = db.BeginTransaction(deferred: false);
        var version = db.ExecuteScalar<long>("PRAGMA user_version", transaction: tx);
        if (version < 1)
        {
            using var stream = typeof(Store).Assembly.GetManifestResourceStream("schema.sql")!;
            db.Execute(new StreamReader(stream).ReadToEnd(), transaction: tx);
            db.Execute($"PRAGMA user_version = {SchemaVersion}", transaction: tx);
        }
        tx.Commit();
    }

    public long StartRun() =>
        _db.ExecuteScalar<long>("INSERT INTO ingest_runs(started_at) VALUES (@t) RETURNING id", new { t = Now() });

    public void FinishRun(long run, int files, int ok, int failed, int skipped) =>
        _db.Execute("UPDATE ingest_runs SET finished_at = @t, files = @files, ok = @ok, failed = @failed, skipped = @skipped WHERE id = @run",
            new { t = Now(), files, ok, failed, skipped, run });

    private readonly Lock _read = new();

    /// <summary>Is this content already stored (under any path)? Safe to call from extraction threads.</summary>
    public bool HasShared(string sha256)
    {
        lock (_read) return _db.ExecuteScalar<long>("SELECT COUNT(*) FROM documents WHERE sha256 = @sha256", new { sha256 }) > 0;
    }

    /// <summary>Stores one processed file in one transaction; replaces what the same path or content held before.</summary>
    public bool Save(ProcessedFile f, long run, bool force)
    {
        lock (_read) return SaveLocked(f, run, force);
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
        if (f.Document is { } doc)
            foreach (var page in doc.Pages)
                _db.Execute("INSERT INTO page_text(document_id, page, text) VALUES (@docId, @n, @text)",
                    new { docId, n = page.Number, text = Reading.DocumentText.Render(doc with { Pages = [page] }) }, tx);
        if (f.Report is { } r)
        {
            var reportId = _db.ExecuteScalar<long>(
                "INSERT INTO reports(document_id, unit_name, fiscal_year, filled_date) VALUES (@docId, @u, @y, @d) RETURNING id",
                new { docId, u = r.Info.UnitName, y = r.Info.FiscalYear, d = r.Info.FilledDate }, tx);
            foreach (var group in r.Statements.GroupBy(s => s.Key))
                _db.Execute("INSERT INTO figures(report_id, key, statement, value, word, unit, source_text, page) VALUES (@reportId, @Key, @n, @v, @Word, @Unit, @Text, @Page)",
                    group.Select((s, n) => new { reportId, s.Key, n, v = s.Word is null ? s.Value : (decimal?)null, s.Word, s.Unit, s.Text, s.Page }), tx);
            _db.Execute(
                """
                INSERT INTO indicators(report_id, seq, name, target_op, target_value, target_unit, midyear_value, actual_value, actual_unit,
                                       completion_rate, weight, score, deviation_reason, improvement, page)
                VALUES (@reportId, @Seq, @Name, @op, @tv, @tu, @mv, @av, @au, @CompletionRate, @Weight, @Score, @DeviationReason, @Improvement, @Page)
                """,
                r.Indicators.Select(i => new
                {
                    reportId, i.Seq, i.Name, op = i.Target?.Op, tv = i.Target?.Value, tu = i.Target?.Unit, mv = i.Midyear?.Value,
                    av = i.Actual?.Value, au = i.Actual?.Unit, i.CompletionRate, i.Weight, i.Score, i.DeviationReason, i.Improvement, i.Page,
                }), tx);
            _db.Execute("INSERT INTO projects(report_id, name, budget, actual, page) VALUES (@reportId, @Name, @Budget, @Actual, @Page)",
                r.Projects.Select(p => new { reportId, p.Name, p.Budget, p.Actual, p.Page }), tx);
            _db.Execute(
                """
                INSERT INTO discrepancies(report_id, rule, severity, fields, stated, expected, message, page, indicator, fingerprint)
                VALUES (@reportId, @Rule, @Severity, @fields, @stated, @expected, @Message, @Page, @Indicator, @fingerprint)
                """,
                f.Discrepancies.Select(d => new
                {
                    reportId, d.Rule, d.Severity, fields = JsonSerializer.Serialize(d.Fields), stated = d.Stated?.ToString(), expected = d.Expected?.ToString(),
                    d.Message, d.Page, d.Indicator, fingerprint = Fingerprint(f.Sha256, d),
                }), tx);
        }
        tx.Commit();
        return true;
    }

    public static string Fingerprint(string sha256, Validation.Discrepancy d) =>
        $"{sha256}|{d.Rule}|{string.Join(",", d.Fields)}|{d.Indicator}";

    /// <summary>Records an auditor's verdict on a discrepancy; it is kept by fingerprint, so re-ingest keeps it.</summary>
    public bool Review(long discrepancyId, string status, string? note)
    {
        var fingerprint = _db.ExecuteScalar<string?>("SELECT fingerprint FROM discrepancies WHERE id = @discrepancyId", new { discrepancyId });
        if (fingerprint is null) return false;
        _db.Execute("INSERT INTO reviews(fingerprint, status, note, reviewed_at) VALUES (@fingerprint, @status, @note, @t) " +
                    "ON CONFLICT(fingerprint) DO UPDATE SET status = excluded.status, note = excluded.note, reviewed_at = excluded.reviewed_at",
            new { fingerprint, status, note, t = Now() });
        return true;
    }

    private static string Now() => DateTime.UtcNow.ToString("O");

    public void Dispose() => _db.Dispose();
}
