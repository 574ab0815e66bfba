using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Extractor.Tests;

/// <summary>
/// A real PostgreSQL server for the shared-store tests: the one CI started ($EXTRACTOR_TEST_PG, a connection string
/// to a database we may create databases from), else a throwaway cluster of our own — initdb into a temporary
/// folder and pg_ctl on a free port, as the postgres user when running as root — stopped at the end. No server and
/// no binaries is a failure, never a skip: these tests are the only evidence the shared store works.
/// </summary>
public sealed class PgServer : IDisposable
{
    private readonly string? _cluster;
    private readonly string? _bin;
    private readonly string? _runAs;
    private int _databases;

    public string ConnectionString { get; }

    public PgServer()
    {
        if (Environment.GetEnvironmentVariable("EXTRACTOR_TEST_PG") is { Length: > 0 } given) { ConnectionString = given; return; }
        _bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL 不可用：没有 EXTRACTOR_TEST_PG，也找不到 initdb/pg_ctl（安装 Debian 的 postgresql）");
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _cluster = Directory.CreateTempSubdirectory("extractor-pg-").FullName;
        if (_runAs is not null) Run("chown", null, _runAs, _cluster);
        var port = FreePort();
        Run(Path.Combine(_bin, "initdb"), _runAs, "-D", Path.Combine(_cluster, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        Run(Path.Combine(_bin, "pg_ctl"), _runAs, "-D", Path.Combine(_cluster, "data"), "-l", Path.Combine(_cluster, "log"), "-w", "start",
            "-o", $"-p {port} -k {_cluster} -c listen_addresses=127.0.0.1 -c fsync=off");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>
    /// A new, empty database on the server (each test its own), as a connection string. Its collation is code-point
    /// order (C.UTF-8), as SQLite's, so both stores list rows in the same order; C.UTF-8 also classes ideographs as
    /// letters, which pg_trgm needs to index Chinese text.
    /// </summary>
    public string NewDatabase()
    {
        var name = $"extractor_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var db = new NpgsqlConnection(ConnectionString))
        {
            db.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", db);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static string? FindBin()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        if (onPath is not null) return onPath;
        var debian = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).LastOrDefault() : null;
        return debian is not null && File.Exists(Path.Combine(debian, "bin", "initdb")) ? Path.Combine(debian, "bin") : null;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    // PostgreSQL refuses to run as root: as root, the tools run as the postgres user (runuser).
    private static void Run(string program, string? runAs, params string[] args)
    {
        var psi = new ProcessStartInfo(runAs is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is not null) foreach (var a in new[] { "-u", runAs, "--", program }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {output}{err.Result}");
    }

    public void Dispose()
    {
        if (_cluster is null || _bin is null) return;
        try { Run(Path.Combine(_bin, "pg_ctl"), _runAs, "-D", Path.Combine(_cluster, "data"), "-m", "immediate", "stop"); }
        finally { Directory.Delete(_cluster, recursive: true); }
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PgServer>;
