using Dapper;
using Extractor.Storage;

namespace Extractor.Tests;

/// <summary>
/// Several processes on one PostgreSQL store, as an audit team would run them: two ingests of the same folders at
/// once, one killed with SIGKILL midway and run again, and two auditors reviewing at the same time.
/// </summary>
[Collection("postgres")]
public class PgConcurrencyTests(PgServer server)
{
    private static readonly string[] Folders = [Corpus.Path("txt"), Corpus.Path("docx")];

    [Fact]
    public async Task Two_ingests_at_once_one_killed_and_rerun_store_every_document_exactly_once()
    {
        var target = server.NewDatabase();
        string[] args = ["ingest", .. Folders, "--db", target, "--jobs", "1"];
        using var survivor = Cli.Start(args);
        var survivorOutput = survivor.StandardOutput.ReadToEndAsync();
        long atKill;
        using (var victim = Cli.Start(args))
        {
            _ = victim.StandardOutput.ReadToEndAsync();
            // SIGKILL once documents are committed, while both are still writing.
            for (var i = 0; i < 600 && !victim.HasExited && Documents(target) < 8; i++) await Task.Delay(100);
            Assert.False(victim.HasExited, "the ingest to kill finished before it could be killed");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit();
            atKill = Documents(target);
        }
        await survivor.WaitForExitAsync();
        Assert.True(survivor.ExitCode == 0, await survivorOutput);
        var (exit, output) = Cli.Run(args);
        Assert.True(exit == 0, output);

        var files = Folders.SelectMany(f => Directory.GetFiles(f)).Where(f => f.EndsWith(".txt") || f.EndsWith(".docx")).ToList();
        Assert.InRange(atKill, 1, files.Count - 1);
        using var store = Store.OpenExisting(target);
        var db = store.Connection;
        Assert.Equal(files.Count, db.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"));
        Assert.Equal(files.Count, db.ExecuteScalar<long>("SELECT COUNT(DISTINCT path) FROM documents"));
        Assert.Equal(files.Order(StringComparer.Ordinal), db.Query<string>("SELECT path FROM documents").Order(StringComparer.Ordinal));
        Assert.Equal(0L, db.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT report_id, key, statement FROM figures GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) AS twice"));
        Assert.Equal(0L, db.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT document_id, page FROM page_text GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice"));
        Assert.Equal(0L, db.ExecuteScalar<long>("SELECT COUNT(*) FROM documents d WHERE d.status = 'ok' AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.document_id = d.id)"));

        // Nothing lost: the same documents, reports, figures and findings as one uninterrupted ingest into SQLite.
        var sqlite = Path.Combine(Directory.CreateTempSubdirectory("extractor-db-").FullName, "one.db");
        var (liteExit, liteOutput) = Cli.Run(["ingest", .. Folders, "--db", sqlite]);
        Assert.True(liteExit == 0, liteOutput);
        using var lite = Store.OpenExisting(sqlite);
        foreach (var table in new[] { "reports", "figures", "indicators", "projects", "discrepancies", "page_text", "blocks" })
            Assert.Equal(lite.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"), db.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(lite.Findings().Select(f => f.Id), store.Findings().Select(f => f.Id));
    }

    private static long Documents(string target)
    {
        try
        {
            using var store = Store.OpenExisting(target);
            return store.Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM documents");
        }
        catch (StoreNotFoundException) { return 0; }
    }

    [Fact]
    public void Two_auditors_reviewing_at_once_keep_both_their_reviews()
    {
        var target = server.NewDatabase();
        using (var store = Store.Open(target))
        {
            var run = store.StartRun();
            foreach (var f in Directory.GetFiles(Corpus.Path("txt"), "*.txt")) store.Save(Pipeline.Process(f), run, force: false);
            store.FinishRun(run, 0, 0, 0, 0);
        }
        List<Finding> findings;
        using (var store = Store.OpenExisting(target)) findings = store.Findings().ToList();
        Assert.True(findings.Count >= 20, $"{findings.Count} findings");
        // Each auditor reviews every other finding through a connection of their own, at the same time, as CLI
        // processes would; each verdict is written as it is made.
        Parallel.For(0, 2, auditor =>
        {
            using var store = Store.OpenExisting(target);
            for (var i = auditor; i < findings.Count; i += 2)
                store.Review(findings[i].Id, auditor == 0 ? "confirmed" : "dismissed", $"第{i}条", auditor == 0 ? "张审计" : "李审计");
        });
        // And two CLI processes at once, one finding each.
        using (var a = Cli.Start("review", findings[0].Id, "--status", "已排除", "--note", "复核", "--by", "王审计", "--db", target))
        using (var b = Cli.Start("review", findings[1].Id, "--status", "已确认", "--note", "复核", "--by", "赵审计", "--db", target))
        {
            a.WaitForExit();
            b.WaitForExit();
            Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        }
        using var check = Store.OpenExisting(target);
        var reviewed = check.Findings().ToDictionary(f => f.Id);
        for (var i = 2; i < findings.Count; i++)
        {
            var f = reviewed[findings[i].Id];
            Assert.Equal((i % 2 == 0 ? "confirmed" : "dismissed", $"第{i}条", i % 2 == 0 ? "张审计" : "李审计"), (f.Status, f.Note, f.Reviewer));
        }
        Assert.Equal(("dismissed", "王审计"), (reviewed[findings[0].Id].Status, reviewed[findings[0].Id].Reviewer));
        Assert.Equal(("confirmed", "赵审计"), (reviewed[findings[1].Id].Status, reviewed[findings[1].Id].Reviewer));
    }
}

[Collection("postgres")]
public class PgWorkbookReviewTests(PgServer server)
{
    [Fact]
    public void A_workbook_exported_before_another_auditors_review_does_not_overwrite_it()
    {
        var target = server.NewDatabase();
        using var store = Store.Open(target);
        store.Save(Pipeline.Process(Corpus.Path("txt", "105.txt")), store.StartRun(), force: false);
        var exported = store.Findings().Take(2).ToList(); // the workbook both auditors start from: no reviews yet
        Assert.Equal(2, exported.Count);
        store.Review(exported[0].Id, "dismissed", "已与单位核实", "李审计");
        var changes = store.ImportReviews(exported.Select(f => new ReviewRow(f.Id, "已确认", "张审计的意见", f.ReviewedAt ?? "")), "张审计");
        var conflict = changes.Single(c => c.FindingId == exported[0].Id);
        Assert.NotNull(conflict.ReviewedSinceExport);
        var kept = store.Findings(new FindingFilter(Id: exported[0].Id)).Single();
        Assert.Equal(("dismissed", "李审计"), (kept.Status, kept.Reviewer));
        // The finding nobody touched since takes the workbook's verdict.
        var applied = store.Findings(new FindingFilter(Id: exported[1].Id)).Single();
        Assert.Equal(("confirmed", "张审计"), (applied.Status, applied.Reviewer));
        Assert.Null(changes.Single(c => c.FindingId == exported[1].Id).ReviewedSinceExport);
    }
}
