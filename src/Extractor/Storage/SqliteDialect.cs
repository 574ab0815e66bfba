using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extractor.Storage;

/// <summary>The embedded store: one file, WAL, migrations by PRAGMA user_version, FTS5 trigram page search.</summary>
internal sealed class SqliteDialect(string path) : IStoreDialect
{
    public string Name => path;

    public DbConnection Connect(bool create)
    {
        if (!create && !File.Exists(path)) throw new StoreNotFoundException(Path.GetFullPath(path));
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString());
        db.Open();
        db.Execute("PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        return db;
    }

    public long Migrate(DbConnection db, DbTransaction tx, int target)
    {
        var version = db.ExecuteScalar<long>("PRAGMA user_version", transaction: tx);
        if (version < 1) db.Execute(Store.Resource("schema.sql"), transaction: tx);
        else
        {
            if (version < 2)
            {
                db.Execute(Store.Resource("migrate-2.sql"), transaction: tx);
                Backfill(db, tx);
            }
            if (version < 3) db.Execute(Store.Resource("migrate-3.sql"), transaction: tx);
            if (version < 4) db.Execute(Store.Resource("migrate-4.sql"), transaction: tx);
        }
        if (version < target) db.Execute($"PRAGMA user_version = {target}", transaction: tx);
        return version;
    }

    // A version-1 store: identities and finding ids for what it holds, and its reviews moved to finding ids.
    private static void Backfill(DbConnection db, DbTransaction tx)
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

    /// <summary>A connection that cannot write (read-only file mode and query_only), after bringing an older store up to date.</summary>
    public SqliteConnection ConnectReadOnly()
    {
        using (Store.OpenExisting(path)) { }
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        db.Execute("PRAGMA query_only = ON;");
        return db;
    }

    public Exports.Tabular ReadOnlyQuery(string sql)
    {
        using var db = ConnectReadOnly();
        using var reader = db.ExecuteReader(sql);
        return Exports.Tabular.From(reader);
    }

    // group_concat keeps the order its input rows come in; callers order them in a subquery.
    public string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public string Lines(string expr, string order) => $"group_concat({expr}, char(10))";

    // BEGIN IMMEDIATE already makes every writer wait for the others.
    public void Serialize(DbConnection db, DbTransaction tx) { }

    // In-process: a statement per row costs microseconds.
    public int RowsPerCommand => 1;

    public string Explain => "EXPLAIN QUERY PLAN ";

    public string? ExplainAnalyze => null;

    public long Size(DbConnection db) => db.ExecuteScalar<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");

    public IReadOnlyList<string> Columns(DbConnection db, DbTransaction tx, string table) =>
        db.Query<string>("SELECT name FROM pragma_table_info(@table)", new { table }, tx).ToList();

    // INTEGER PRIMARY KEY goes on from the largest id by itself.
    public void AfterBulkInsert(DbConnection db, DbTransaction tx, IEnumerable<string> tables) { }

    // SQLite walks the listing index without statistics (measured: no sort in the plans at 10^5 reports).
    public void AfterRewrite(DbConnection db, DbTransaction tx, params string[] tables) { }

    public (string Sql, object Args) Search(string select, string text)
    {
        if (text.Length >= 3)
            return (select + """
                snippet(page_text, 2, '[', ']', '…', 16) AS 摘要
                FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
                WHERE page_text MATCH @q
                """, new { q = "\"" + text.Replace("\"", "\"\"") + "\"" });
        // The trigram index needs three characters; shorter text is found by scanning.
        return (select + """
            substr(p.text, MAX(1, instr(p.text, @t) - 20), 40 + length(@t)) AS 摘要
            FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
            WHERE instr(p.text, @t) > 0
            """, new { t = text });
    }
}
