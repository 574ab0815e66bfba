using System.Text;

namespace Extractor.Tests.Ocr;

/// <summary>
/// Writes a one-page PDF: a scanned image (JPEG) over the whole A4 page and, optionally, an invisible text
/// layer whose font maps every code to a private-use code point, as a font without a Unicode map does.
/// </summary>
public static class ScanPdf
{
    public static byte[] Build(byte[] jpeg, int widthPx, int heightPx, string? hiddenText = null)
    {
        var objects = new List<byte[]>();
        void Add(string s) => objects.Add(Encoding.ASCII.GetBytes(s));
        void AddStream(string dict, byte[] data) =>
            objects.Add([.. Encoding.ASCII.GetBytes($"<< {dict} /Length {data.Length} >>\nstream\n"), .. data, .. Encoding.ASCII.GetBytes("\nendstream")]);

        Add("<< /Type /Catalog /Pages 2 0 R >>");
        Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im1 4 0 R >> /Font << /F1 5 0 R >> >> /Contents 6 0 R >>");
        AddStream($"/Type /XObject /Subtype /Image /Width {widthPx} /Height {heightPx} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpeg);
        // A TrueType font that is not embedded (PdfPig ignores ToUnicode on the standard 14 Type 1 fonts).
        Add("<< /Type /Font /Subtype /TrueType /BaseFont /GarbageSans /FirstChar 32 /LastChar 126 /Widths [" +
            string.Join(' ', Enumerable.Repeat("600", 95)) + "] /FontDescriptor 8 0 R /ToUnicode 7 0 R >>");
        var text = hiddenText is null ? "" : string.Concat(Enumerable.Range(0, 40).Select(i => $"BT /F1 10 Tf 3 Tr 60 {800 - 18 * i} Td ({hiddenText}) Tj ET\n"));
        AddStream("", Encoding.ASCII.GetBytes($"q 595.28 0 0 841.89 0 0 cm /Im1 Do Q\n{text}"));
        AddStream("", Encoding.ASCII.GetBytes(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbage def /CMapType 2 def\n" +
            "1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <E000> endbfrange\n" +
            "endcmap CMapName currentdict /CMap defineresource pop end end"));
        Add("<< /Type /FontDescriptor /FontName /GarbageSans /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");

        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = pdf.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
