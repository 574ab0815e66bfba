using System.Collections.Concurrent;
using System.Diagnostics;
using Extractor.Reading;
using Extractor.Storage;

namespace Extractor.Viewer;

/// <summary>Whether a stored document's file can still be shown: it exists and its content is the one ingested.</summary>
public enum SourceState { Ok, Missing, Changed }

/// <summary>
/// PDF pages as PNG images, drawn by pdftoppm (poppler-utils) on the server: the page as a reader sees it,
/// with no script in the browser, by the same tool the OCR path uses. Only files of the store are read, from
/// their stored path, and only while their SHA-256 is the one ingested (an auditor must not see a page of a
/// file that changed since the figures were read from it). Images are cached by sha256 + page + dpi.
/// </summary>
public sealed class PageImages(string cacheDir, int dpi = 110)
{
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> _hashes = new();

    // One folder per OS user: another user of the machine cannot plant a page image for this user's viewer.
    public static string DefaultCache => Path.Combine(Path.GetTempPath(), $"extractor-viewer-pages-{Environment.UserName}");

    public static string? Pdftoppm { get; } = FindTool("pdftoppm");

    /// <summary>Whether the file behind a stored document is there and unchanged (hashed once per size and time).</summary>
    public SourceState Check(StoredDocument doc)
    {
        var file = new FileInfo(doc.Path);
        if (!file.Exists) return SourceState.Missing;
        var sha = _hashes.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), _ => Sources.Sha256(File.ReadAllBytes(file.FullName)));
        return sha == doc.Sha256 ? SourceState.Ok : SourceState.Changed;
    }

    public static string Explain(SourceState state, StoredDocument doc) => state switch
    {
        SourceState.Missing => $"原文件已不在原位置：{doc.Path}，无法显示页面",
        SourceState.Changed => $"原文件自导入后已被修改（SHA-256 不符）：{doc.Path}，不显示页面，以免与所提取的数字不一致",
        _ => "",
    };

    /// <summary>The PNG of one page of a stored PDF, rendered once; null when the page is out of range or the file is not the ingested one.</summary>
    public async Task<string?> PngAsync(StoredDocument doc, int page, CancellationToken cancel)
    {
        if (doc.Format != "pdf" || page < 1 || page > doc.Pages || Pdftoppm is null) return null;
        var cached = Path.Combine(cacheDir, $"{doc.Sha256}-{page}-{dpi}.png");
        if (File.Exists(cached)) return cached;
        if (Check(doc) != SourceState.Ok) return null;
        Directory.CreateDirectory(cacheDir);
        // Rendered under a unique name and moved into place, so that two requests never see half a file.
        var prefix = Path.Combine(cacheDir, $"{doc.Sha256}-{page}-{dpi}-{Guid.NewGuid():N}");
        var psi = new ProcessStartInfo(Pdftoppm) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-png", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", doc.Path, prefix })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        await process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        if (process.ExitCode != 0 || !File.Exists(prefix + ".png")) return null;
        File.Move(prefix + ".png", cached, overwrite: true);
        return cached;
    }

    private static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
