using System.IO.Compression;
using System.Text;
using Extractor.Reading.Pdf;

namespace Extractor.Reading;

/// <summary>Limits on what a reader accepts before it starts parsing, and how (and how far) it may OCR pages without text.</summary>
public sealed record ReadLimits(long MaxBytes = 100L * 1024 * 1024, int MaxPages = 2000, Ocr.OcrOptions? Ocr = null)
{
    public Ocr.OcrOptions OcrOrDefault => Ocr ?? Reading.Ocr.OcrOptions.Default;
}

/// <summary>
/// The one entry point for reading a file: decides the format by content (a PDF named .docx is
/// read as a PDF), dispatches to the reader, and turns every failure into a typed ReadException.
/// </summary>
public static class DocumentLoader
{
    public static Document Read(string path, ReadLimits? limits = null)
    {
        limits ??= new ReadLimits();
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new ReadException(ErrorCodes.Unreadable, "file not found");
            if (info.Length > limits.MaxBytes)
                throw new ReadException(ErrorCodes.TooLarge, $"file is {info.Length:N0} bytes, more than the limit of {limits.MaxBytes:N0}");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"file cannot be opened: {e.Message}", e);
        }
        return Read(path, bytes, limits);
    }

    public static Document Read(string path, byte[] bytes, ReadLimits? limits = null)
    {
        limits ??= new ReadLimits();
        if (bytes.Length == 0) throw new ReadException(ErrorCodes.Unreadable, "file is empty");
        return Sniff(bytes, path) switch
        {
            "pdf" => PdfReader.Read(path, bytes, limits.MaxPages, limits.OcrOrDefault),
            "docx" => DocxReader.Read(path, bytes),
            "txt" => TextReader.Read(path, bytes),
            var other => throw new ReadException(ErrorCodes.UnsupportedFormat, other),
        };
    }

    /// <summary>"pdf", "docx", "txt", or a sentence saying why the format is not supported.</summary>
    public static string Sniff(byte[] bytes, string path)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (head.Contains("%PDF-")) return "pdf";
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) return SniffZip(bytes);
        if (bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // An OLE container: a legacy .doc/.xls, or an Office file encrypted with a password.
            if (ContainsUtf16(bytes, "EncryptedPackage")) throw new ReadException(ErrorCodes.Encrypted, "the Office file is protected by a password");
            return "legacy Office (OLE) file such as .doc: please save it as .docx";
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".txt" or ".md" or ".text") return "txt";
        return $"not a PDF, .docx or text file ({(ext.Length > 0 ? ext : "no extension")})";
    }

    private static string SniffZip(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml")) { CheckBomb(zip); return "docx"; }
            if (names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase))) return "spreadsheet (.xlsx), not a report document";
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase))) return "presentation (.pptx), not a report document";
            return "zip archive that is not a .docx";
        }
        catch (InvalidDataException e)
        {
            throw new ReadException(ErrorCodes.Unreadable, $"corrupt zip container: {e.Message}", e);
        }
    }

    // Zip bombs are refused from the central directory alone, before any part is inflated.
    private const long MaxUncompressed = 200L * 1024 * 1024;
    private const int MaxRatio = 100, MaxEntries = 10_000;

    private static void CheckBomb(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
            throw new ReadException(ErrorCodes.TooLarge, $"the .docx has {zip.Entries.Count} parts, more than {MaxEntries}");
        var total = zip.Entries.Sum(e => e.Length);
        if (total > MaxUncompressed)
            throw new ReadException(ErrorCodes.TooLarge, $"the .docx declares {total:N0} bytes uncompressed, more than {MaxUncompressed:N0}");
        foreach (var e in zip.Entries)
            if (e.Length > 1024 * 1024 && e.Length > (long)MaxRatio * Math.Max(1, e.CompressedLength))
                throw new ReadException(ErrorCodes.TooLarge, $"part {e.FullName} expands {e.Length / Math.Max(1, e.CompressedLength)}×, more than {MaxRatio}× (zip bomb)");
    }

    private static bool ContainsUtf16(byte[] bytes, string s) =>
        bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(s)) >= 0;
}
