using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Extractor.Storage;

/// <summary>
/// A shared store on a PostgreSQL server (Npgsql): schema-pg.sql, the version in store_meta, page search by a
/// pg_trgm index, advisory locks where several ingest processes would otherwise race, and auditors' queries
/// in a read-only transaction.
/// </summary>
internal sealed partial class PostgresDialect : IStoreDialect
{
    private const int SchemaLock = 0x45585401, ReconcileLock = 0x45585402; // "EXT" 1 and 2: our advisory lock ids
    private readonly NpgsqlConnectionStringBuilder _target;

    public PostgresDialect(string target)
    {
        _target = Parse(target);
        // Npgsql gives up on a command after 30 s; a whole listing of 10^5 reports on a busy server may take longer.
        if (!CommandTimeoutKeyword().IsMatch(target)) _target.CommandTimeout = 600;
    }

    [GeneratedRegex(@"command\s*timeout", RegexOptions.IgnoreCase)] private static partial Regex CommandTimeoutKeyword();

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)] private static partial Regex HostKeyword();

    public static bool Recognises(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || HostKeyword().IsMatch(target);

    /// <summary>Keywords as Npgsql takes them, or a URI postgres://user:password@host:port/database?sslmode=….</summary>
    private static NpgsqlConnectionStringBuilder Parse(string target)
    {
        if (!target.Contains("://")) return new NpgsqlConnectionStringBuilder(target);
        var uri = new Uri(target);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) b.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db) b.Database = Uri.UnescapeDataString(db);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0]).Replace("sslmode", "SSL Mode")] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b;
    }

    public string Name => $"postgresql://{_target.Username}@{_target.Host}:{_target.Port}/{_target.Database}";

    public DbConnection Connect(bool create)
    {
        var db = new NpgsqlConnection(_target.ConnectionString);
        try { db.Open(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            db.Dispose();
            if (!create) throw new StoreNotFoundException(Name);
            CreateDatabase();
            db = new NpgsqlConnection(_target.ConnectionString);
            db.Open();
        }
        // The listings are many small index lookups whose estimated cost crosses the JIT threshold at 10^4 reports;
        // compiling them took seconds (measured: 汇总 of 10,000 reports 4.2 s with JIT, see README), running them far less.
        db.Execute("SET jit = off");
        // A database without our tables is not a store: the read commands never create one.
        if (!create && db.ExecuteScalar<string?>("SELECT to_regclass('store_meta')::text") is null)
        {
            db.Dispose();
            throw new StoreNotFoundException(Name);
        }
        return db;
    }

    // ingest into a database that does not exist yet creates it, as it creates a SQLite file (another ingest may win the race).
    private void CreateDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(_target.ConnectionString) { Database = "postgres", Pooling = false };
        using var db = new NpgsqlConnection(admin.ConnectionString);
        db.Open();
        try { db.Execute($"CREATE DATABASE \"{_target.Database!.Replace("\"", "\"\"")}\""); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
    }

    public long Migrate(DbConnection db, DbTransaction tx, int target)
    {
        // Several processes may open a new store at once: one creates the schema, the others then see it.
        db.Execute("SELECT pg_advisory_xact_lock(@SchemaLock)", new { SchemaLock }, tx);
        if (db.ExecuteScalar<string?>("SELECT to_regclass('store_meta')::text", transaction: tx) is null)
        {
            db.Execute(Store.Resource("schema-pg.sql"), transaction: tx);
            db.Execute("INSERT INTO store_meta(schema_version) VALUES (@target)", new { target }, tx);
        }
        var version = db.ExecuteScalar<long>("SELECT schema_version FROM store_meta", transaction: tx);
        if (version > target) throw new InvalidOperationException($"数据库的结构版本 {version} 比本程序（{target}）新，请升级 extractor");
        if (version < 4) db.Execute(Store.Resource("migrate-4-pg.sql"), transaction: tx);
        if (version < target) db.Execute("UPDATE store_meta SET schema_version = @target", new { target }, tx);
        return version;
    }

    public Exports.Tabular ReadOnlyQuery(string sql)
    {
        using var db = Connect(create: false);
        using var tx = db.BeginTransaction();
        db.Execute("SET TRANSACTION READ ONLY", transaction: tx);
        // As a subquery the text can only be one SELECT: no second statement, no COMMIT, no data-modifying WITH.
        var body = sql.Trim().TrimEnd(';').Trim();
        using var reader = db.ExecuteReader($"SELECT * FROM (\n{body}\n) AS query", transaction: tx);
        return Exports.Tabular.From(reader);
    }

    public string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public string Lines(string expr, string order) => $"string_agg({expr}, chr(10) ORDER BY {order})";

    public void Serialize(DbConnection db, DbTransaction tx) => db.Execute("SELECT pg_advisory_xact_lock(@ReconcileLock)", new { ReconcileLock }, tx);

    // Each command is a round trip to the server: many rows per command.
    public int RowsPerCommand => 200;

    public string Explain => "EXPLAIN ";

    public string? ExplainAnalyze => "EXPLAIN (ANALYZE, TIMING OFF) ";

    public long Size(DbConnection db) => db.ExecuteScalar<long>("SELECT pg_database_size(current_database())");

    public IReadOnlyList<string> Columns(DbConnection db, DbTransaction tx, string table) =>
        db.Query<string>("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            new { table }, tx).ToList();

    // An identity column's sequence does not see ids given explicitly: move it past them.
    public void AfterBulkInsert(DbConnection db, DbTransaction tx, IEnumerable<string> tables)
    {
        foreach (var table in tables.Where(t => Columns(db, tx, t).Contains("id")))
            db.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))", transaction: tx);
    }

    // Fresh statistics: with the rows' order known (written in listing order), the planner reads 汇总 by its index
    // instead of sorting 10^5 rows (stale statistics: seq scan and sort, 127 ms; analysed: index scan, 71 ms).
    public void AfterRewrite(DbConnection db, DbTransaction tx, params string[] tables) =>
        db.Execute($"ANALYZE {string.Join(", ", tables)}", transaction: tx);

    // LIKE '%…%' is what the trigram index serves (three characters or more; shorter text is scanned, as in SQLite).
    public (string Sql, object Args) Search(string select, string text) => (select + """
        replace(substr(p.text, GREATEST(1, strpos(p.text, @t) - 16), 32 + length(@t)), @t, '[' || @t || ']') AS 摘要
        FROM page_text p JOIN documents d ON d.id = p.document_id LEFT JOIN reports r ON r.document_id = d.id
        WHERE p.text LIKE @pattern
        """, new { t = text, pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%" });
}
