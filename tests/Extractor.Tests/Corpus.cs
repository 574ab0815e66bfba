namespace Extractor.Tests;

/// <summary>Locates the repository's corpus folder from the test binaries.</summary>
public static class Corpus
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Extractor.sln) not found");
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "corpus", .. parts]);

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Every rendition (docx, LibreOffice PDF, Chromium PDF) with the .txt it was made from.</summary>
    public static IEnumerable<object[]> Renditions()
    {
        foreach (var txt in Directory.GetFiles(Path("txt"), "*.txt").Order())
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(txt);
            yield return ["docx", id];
            yield return ["pdf-lo", id];
            yield return ["pdf-chrome", id];
        }
    }

    public static string Rendition(string kind, string id) =>
        Path(kind, id + (kind == "docx" ? ".docx" : ".pdf"));
}
