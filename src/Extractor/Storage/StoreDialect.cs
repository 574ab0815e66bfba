using System.Data.Common;

namespace Extractor.Storage;

/// <summary>
/// The few things SQLite and PostgreSQL do differently, so that <see cref="Store"/> keeps one set of statements:
/// how a store is opened (and created), its schema and migrations, a read-only connection for auditors' queries,
/// joining a group's lines into one text, page search, and serialising the cross-report recomputation between
/// processes. Everything else (ids by RETURNING, upserts by ON CONFLICT) is written once, in SQL both accept.
/// </summary>
internal interface IStoreDialect
{
    /// <summary>The store as people should see it in messages (a file path, or a server and database without password).</summary>
    string Name { get; }

    /// <summary>An open connection; when <paramref name="create"/> is false a missing store is a <see cref="StoreNotFoundException"/>.</summary>
    DbConnection Connect(bool create);

    /// <summary>Creates the schema in an empty store or brings an older one to <paramref name="version"/>, inside <paramref name="tx"/>;
    /// returns the version the store had before (0, or the target itself, for a store just created).</summary>
    long Migrate(DbConnection db, DbTransaction tx, int version);

    /// <summary>An auditor's ad-hoc query, run where nothing can be written; a refused or wrong query is a DbException.</summary>
    Exports.Tabular ReadOnlyQuery(string sql);

    /// <summary>"<paramref name="column"/> is one of the array parameter @<paramref name="parameter"/>": Dapper expands an array
    /// into IN (…) for SQLite but hands it to Npgsql as one array, which PostgreSQL compares with = ANY.</summary>
    string InList(string column, string parameter);

    /// <summary>An aggregate joining <paramref name="expr"/> of a group's rows with newlines, in <paramref name="order"/>.</summary>
    string Lines(string expr, string order);

    /// <summary>Holds off other processes recomputing cross-report findings until <paramref name="tx"/> ends.</summary>
    void Serialize(DbConnection db, DbTransaction tx);

    /// <summary>How many rows of one table an INSERT command carries (1: one statement per row).</summary>
    int RowsPerCommand { get; }

    /// <summary>What turns a query into its plan (EXPLAIN QUERY PLAN, EXPLAIN).</summary>
    string Explain { get; }

    /// <summary>What runs a query on a server and reports its execution time there (EXPLAIN ANALYZE), without sending
    /// its rows; null for an embedded store, where running the query is stepping its rows.</summary>
    string? ExplainAnalyze { get; }

    /// <summary>The store's size on disk, in bytes.</summary>
    long Size(DbConnection db);

    /// <summary>The columns of a table, in order.</summary>
    IReadOnlyList<string> Columns(DbConnection db, DbTransaction tx, string table);

    /// <summary>After rows were inserted with their ids given: what the database needs to hand out new ids past them.</summary>
    void AfterBulkInsert(DbConnection db, DbTransaction tx, IEnumerable<string> tables);

    /// <summary>After <paramref name="tables"/> were rewritten whole: what the planner needs to know of them.</summary>
    void AfterRewrite(DbConnection db, DbTransaction tx, params string[] tables);

    /// <summary>Page search: SQL (after <paramref name="select"/>'s columns: a 摘要 column, FROM and WHERE) and its arguments.</summary>
    (string Sql, object Args) Search(string select, string text);
}

internal static class StoreDialect
{
    /// <summary>A PostgreSQL connection string (keywords such as Host=…, or a postgres:// URI) names a server; anything else is a SQLite file.</summary>
    public static IStoreDialect For(string target) =>
        PostgresDialect.Recognises(target) ? new PostgresDialect(target) : new SqliteDialect(target);
}
