using Extractor.Storage;
using Extractor.Viewer;

namespace Extractor.Tests;

/// <summary>
/// A store with one LibreOffice PDF report with a known finding (003: 预算调整率 100% on an adjustment of 0),
/// one .docx (001: 项目资金执行率) and one Word-saved .docx with rendered pages (136: 合计 98.66), plus a copy
/// of a PDF that is changed after ingest; and the viewer started on it in-process on a free loopback port.
/// </summary>
public sealed class ViewerFixture : IDisposable
{
    public const string Reviewer = "viewer-test";
    public string Db { get; }
    public string ChangedCopy { get; }
    public RunningViewer Viewer { get; }
    public string Url => Viewer.Url;

    public ViewerFixture()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-viewer-").FullName;
        Db = Path.Combine(dir, "viewer.db");
        ChangedCopy = Path.Combine(dir, "changed-001.pdf");
        File.Copy(Corpus.Rendition("pdf-chrome", "001"), ChangedCopy);
        string[] files = [Corpus.Rendition("pdf-lo", "003"), Corpus.Rendition("docx", "001"), Corpus.Path("docx-word", "136.docx"), ChangedCopy];
        using (var store = Store.Open(Db))
        {
            var run = store.StartRun();
            foreach (var f in files) store.Save(Pipeline.Process(f), run, false);
            store.FinishRun(run, files.Length, files.Length, 0, 0);
        }
        // After ingest the file changes: the viewer must no longer show its pages.
        File.AppendAllText(ChangedCopy, "\n% changed after ingest\n");
        Viewer = ViewerApp.Start(Db, 0, Reviewer, Path.Combine(dir, "pages"));
    }

    public Store OpenStore() => Store.OpenExisting(Db);

    /// <summary>The first finding of a rule in the report read from a file whose path ends so.</summary>
    public FindingDetail Finding(string rule, string pathEnd)
    {
        using var store = OpenStore();
        return store.Findings(new FindingFilter(Rule: rule)).Select(f => store.FindingDetail(f.Id)!)
            .First(d => d.Sources.Any(s => s.Document.Path.EndsWith(pathEnd, StringComparison.Ordinal)));
    }

    public void Dispose() => Viewer.Dispose();
}
