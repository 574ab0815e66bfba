using System.CommandLine;
using Extractor.Isolation;

namespace Extractor.Cli;

/// <summary>
/// How every command reads a file: in a worker process with a heap cap and a wall-clock limit (a crafted PDF can
/// hang PdfPig, take gigabytes or overflow the stack; only a process boundary holds it).
/// </summary>
internal static class IsolatedReading
{
    public static Option<int> Timeout() => Cli.Int("--timeout", "读取一个文件的时限（秒；OCR 每页另加时限）", 30, 1, 3600);

    public static string[] Worker(string? ocr) => [.. IsolatedReader.SelfCommand(), "--ocr", ocr ?? "auto"];

    public static IsolatedReader Reader(string? ocr, int seconds) => new(Worker(ocr), TimeSpan.FromSeconds(seconds));
}
