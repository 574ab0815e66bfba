using System.Data.Common;
using Dapper;
using Extractor.Storage;
using Microsoft.Data.Sqlite;

namespace Extractor.Tests;

/// <summary>The shared store on a real PostgreSQL server: the same answers as SQLite, the same refusals, the same schema.</summary>
[Collection("postgres")]
public class PgStoreTests(PgServer server)
{
    private static readonly string[] Files = new[] { "000", "003", "101", "102", "105", "106", "108" }.Select(id => Corpus.Path("txt", id + ".txt"))
        .Append(Corpus.Rendition("pdf-lo", "000")).Append(Corpus.Rendition("docx", "003")).ToArray();

    private static readonly Lazy<List<ProcessedFile>> Processed = new(() => Files.Select(f => Pipeline.Process(f)).ToList());

    private static string SqliteDb() => Path.Combine(Directory.CreateTempSubdirectory("extractor-db-").FullName, "t.db");

    private static Store Filled(string target)
    {
        var store = Store.Open(target);
        var run = store.StartRun();
        foreach (var f in Processed.Value) store.Save(f, run, force: false);
        store.FinishRun(run, Files.Length, Files.Length, 0, 0);
        return store;
    }

    private static string Rows(Exports.Tabular t) =>
        string.Join("\n", t.Rows.Select(r => string.Join("|", r.Select(v => Exports.Tabular.Text(v)))));

    /// <summary>What `bench-store` measures at 10^5 reports, at a small scale: copies made in SQL are reports of their own
    /// in the listing tables of both databases, and each listing is timed; on the server also as the server reports it.</summary>
    [Fact]
    public void Copied_stores_list_the_same_and_time_their_listings_on_both_databases()
    {
        using var pg = Filled(server.NewDatabase());
        using var lite = Filled(SqliteDb());
        var reports = lite.Summary().Rows.Count;
        pg.Replicate(3);
        lite.Replicate(3);
        Assert.Equal(3 * reports, lite.Summary().Rows.Count);
        Assert.Equal(Rows(lite.Summary()), Rows(pg.Summary()));
        Assert.Equal(lite.Findings().Select(Describe), pg.Findings().Select(Describe));
        var (l, p) = (lite.TimeListings(1), pg.TimeListings(1));
        Assert.Equal(l.Select(t => (t.Listing, t.Rows)), p.Select(t => (t.Listing, t.Rows)));
        Assert.Contains(l, t => t.Listing.StartsWith("汇总", StringComparison.Ordinal) && t.Rows == 3 * reports);
        Assert.All(l, t => Assert.Null(t.ServerMilliseconds));
        Assert.All(p, t => Assert.True(t.ServerMilliseconds > 0, t.Listing));
    }

    [Fact]
    public void A_postgres_store_gives_the_same_findings_sheets_and_figures_as_sqlite()
    {
        using var pg = Filled(server.NewDatabase());
        using var lite = Filled(SqliteDb());
        Assert.NotEmpty(lite.Findings());
        Assert.Equal(lite.Findings().Select(Describe), pg.Findings().Select(Describe));
        Assert.Equal(Rows(lite.Summary()), Rows(pg.Summary()));
        Assert.Equal(Rows(lite.MainFigures()), Rows(pg.MainFigures()));
        Assert.Equal(Rows(lite.IndicatorRows()), Rows(pg.IndicatorRows()));
        Assert.Equal(Rows(lite.ProjectRows()), Rows(pg.ProjectRows()));
        var keys = Extraction.Keys.All.Select(k => k.Name).ToList();
        Assert.Equal(Rows(lite.FigureColumns(keys, null, null)), Rows(pg.FigureColumns(keys, null, null)));
        // A figure's type survives: numbers stay numbers and the grade stays a word on both.
        Assert.Contains(pg.MainFigures().Rows, r => r[5] is decimal);
        Assert.Contains(pg.MainFigures().Rows, r => r[5] is string);
        var finding = pg.Findings()[0];
        Assert.Equal(lite.FindingDetail(finding.Id)!.Sources.Count, pg.FindingDetail(finding.Id)!.Sources.Count);
    }

    private static string Describe(Finding f) =>
        $"{f.Id}|{f.UnitName}|{f.Year}|{f.Rule}|{f.Stated}|{f.Expected}|{f.Page}|{string.Join(",", f.Files.Select(x => x.Path + "#" + x.Page))}|{f.Status}";

    [Fact]
    public void Page_search_finds_the_same_pages_with_the_trigram_index_and_by_scanning()
    {
        using var pg = Filled(server.NewDatabase());
        using var lite = Filled(SqliteDb());
        foreach (var text in new[] { "预算调整率", "调减", "绩效", "100%_x" })
        {
            var a = lite.Search(text).Rows.Select(r => $"{r[2]}#{r[3]}").ToList();
            var b = pg.Search(text).Rows.Select(r => $"{r[2]}#{r[3]}").ToList();
            Assert.Equal(a, b);
        }
        Assert.NotEmpty(pg.Search("预算调整率").Rows);
        Assert.Contains("[预算调整率]", (string)pg.Search("预算调整率").Rows[0][4]!);
    }

    [Fact]
    public void Reviews_survive_re_ingest_on_postgres()
    {
        var target = server.NewDatabase();
        using var store = Filled(target);
        var finding = store.Findings(new FindingFilter(Rule: "BUDGET_ADJUSTMENT_RATE"))[0];
        store.Review(finding.Id, "confirmed", "调整率填报错误", "审计一组");
        var run = store.StartRun();
        foreach (var f in Processed.Value) store.Save(f, run, force: true);
        store.FinishRun(run, Files.Length, Files.Length, 0, 0);
        var again = store.Findings(new FindingFilter(Id: finding.Id)).Single();
        Assert.Equal(("confirmed", "调整率填报错误", "审计一组"), (again.Status, again.Note, again.Reviewer));
        Assert.Equal(Files.Length, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
    }

    [Theory]
    [InlineData("DELETE FROM documents")]
    [InlineData("SELECT 1; DELETE FROM documents")]
    [InlineData("WITH gone AS (DELETE FROM documents RETURNING id) SELECT * FROM gone")]
    [InlineData("COMMIT; DELETE FROM documents")]
    [InlineData("SELECT set_config('default_transaction_read_only', 'off', false); DELETE FROM documents")]
    public void The_query_command_refuses_to_write_to_a_postgres_store(string sql)
    {
        var target = server.NewDatabase();
        using (var store = Filled(target)) { }
        Assert.ThrowsAny<DbException>(() => Store.ReadOnlyQuery(target, sql));
        Assert.Equal((long)Files.Length, Store.ReadOnlyQuery(target, "SELECT COUNT(*) AS n FROM documents;").Rows[0][0]);
    }

    [Fact]
    public void Read_commands_never_create_a_postgres_store()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(server.NewDatabase()) { Database = "extractor_no_such_db" }.ConnectionString;
        Assert.Throws<StoreNotFoundException>(() => Store.OpenExisting(missing));
        var empty = server.NewDatabase();
        Assert.Throws<StoreNotFoundException>(() => Store.OpenExisting(empty));
        Assert.Throws<StoreNotFoundException>(() => Store.ReadOnlyQuery(empty, "SELECT 1"));
        using var db = new Npgsql.NpgsqlConnection(empty);
        Assert.Equal(0L, db.ExecuteScalar<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public void Ingest_creates_a_missing_postgres_database()
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(server.NewDatabase()) { Database = $"extractor_new_{Environment.ProcessId}" }.ConnectionString;
        using (var store = Store.Open(target)) Assert.Equal(0L, store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        using var again = Store.OpenExisting(target);
        Assert.Equal(4L, again.Connection.ExecuteScalar<long>("SELECT schema_version FROM store_meta"));
    }

    [Fact]
    public void A_postgres_uri_names_the_same_store_as_its_keywords()
    {
        var keywords = new Npgsql.NpgsqlConnectionStringBuilder(server.NewDatabase());
        using (var store = Filled(keywords.ConnectionString)) { }
        var uri = $"postgres://{Uri.EscapeDataString(keywords.Username!)}{(keywords.Password is { } pw ? ":" + Uri.EscapeDataString(pw) : "")}" +
                  $"@{keywords.Host}:{keywords.Port}/{keywords.Database}";
        using var again = Store.OpenExisting(uri);
        Assert.Equal(Files.Length, again.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        Assert.StartsWith("postgresql://", again.Path);
        Assert.DoesNotContain("Password", again.Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Both_schemas_have_the_same_tables_views_and_columns()
    {
        using var pg = Store.Open(server.NewDatabase());
        using var lite = Store.Open(SqliteDb());
        var sqlite = lite.Connection.Query<string>(
            "SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'page_text_%' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1");
        var postgres = pg.Connection.Query<string>(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'store_meta' ORDER BY 1");
        Assert.Equal(sqlite.Order(StringComparer.Ordinal), postgres.Order(StringComparer.Ordinal));
        var liteIndexes = lite.Connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'").ToHashSet();
        var pgIndexes = pg.Connection.Query<string>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'ix_%'").ToHashSet();
        Assert.Empty(liteIndexes.Except(pgIndexes)); // page_text has trigram and document indexes of its own on PostgreSQL
    }

    [Fact]
    public void A_read_command_on_an_unreachable_server_is_one_line_and_exit_2()
    {
        var (exit, output) = Cli.Run("discrepancies", "--db", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3");
        Assert.Equal(2, exit);
        Assert.StartsWith("数据库错误：", output.Trim());
        Assert.Single(output.Trim().Split('\n'));
    }
}

/// <summary>Runs the built CLI (extractor.dll) and returns its exit code and everything it printed.</summary>
internal static class Cli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");

    public static System.Diagnostics.Process Start(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("EXTRACTOR_DB");
        return System.Diagnostics.Process.Start(psi)!;
    }

    public static (int Exit, string Output) Run(params string[] args)
    {
        using var p = Start(args);
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.Result);
    }
}
