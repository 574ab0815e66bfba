namespace Extractor.Reading.Ocr;

/// <summary>When PDF pages go through OCR: `auto` only pages without a usable text layer, `always` every page
/// (a text layer that cannot be trusted), `never` none (a scan then fails as `no_text`, as before OCR).</summary>
public enum OcrMode { Auto, Always, Never }

/// <summary>
/// OCR settings and limits. The tools (pdftoppm, tesseract) run as child processes of the reader, which in
/// `ingest` is the isolated worker: each call has its own wall-clock limit and address-space cap, and the
/// worker tells its parent before each OCR page so the parent's per-file clock grows by one page's allowance.
/// </summary>
/// <param name="Dpi">Rendering resolution. 300 dpi gives Tesseract ideographs about 40 px high at 10 pt, where chi_sim reads best; a
/// page larger than A4 is rendered at less so that no raster exceeds <see cref="MaxPixels"/>.</param>
/// <param name="OnPage">Called with the page number before a page is OCR'd (the worker's heartbeat).</param>
public sealed record OcrOptions(
    OcrMode Mode = OcrMode.Auto,
    int Dpi = 300,
    TimeSpan? PageTimeout = null,
    long ToolMemoryBytes = 1L << 30,
    int MaxPages = 300,
    long MaxPixels = 40_000_000,
    Action<int>? OnPage = null)
{
    public static readonly OcrOptions Default = new();

    /// <summary>Per page, all its tool calls together. A dense A4 page takes 5–10 s on a free core, but a machine shared
    /// with other work (load 15 on 2 cores while the corpus was measured) made pages take over a minute: the limit
    /// is there to stop a hung tool, not a slow machine.</summary>
    public TimeSpan Timeout => PageTimeout ?? TimeSpan.FromSeconds(180);

    public static OcrMode ParseMode(string s) => s.ToLowerInvariant() switch
    {
        "auto" => OcrMode.Auto,
        "always" => OcrMode.Always,
        "never" => OcrMode.Never,
        _ => throw new ArgumentException($"--ocr must be auto, always or never, not {s}"),
    };
}
