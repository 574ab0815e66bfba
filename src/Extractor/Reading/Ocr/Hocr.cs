using System.Globalization;
using System.Xml;

namespace Extractor.Reading.Ocr;

/// <summary>One character Tesseract read, in image pixels (origin top-left), with the line and word it belongs to.</summary>
internal readonly record struct OcrChar(string Text, int Left, int Top, int Right, int Bottom, float Confidence,
    int Line, int Word, double LineBaseline, double LineSize);

/// <summary>
/// Reads Tesseract's hOCR with character boxes (`-c hocr_char_boxes=1`): every `ocrx_cinfo` with its box
/// (`x_bboxes`) and confidence (`x_conf`, 0–100), inside its `ocrx_word` and its `ocr_line` (box, `baseline`
/// slope and offset from the line's bottom left, `x_size`). Character boxes, not words, because Tesseract's
/// words in Chinese are arbitrary runs, and a word may straddle a table's cell border once the rulings are erased.
/// </summary>
internal static class Hocr
{
    public static List<OcrChar> Parse(byte[] hocr)
    {
        var chars = new List<OcrChar>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = false };
        using var reader = XmlReader.Create(new MemoryStream(hocr), settings);
        int line = 0, word = 0;
        double baseline = 0, size = 0;
        var positioned = false; // ReadElementContentAsString already moved to the next node
        while (positioned || reader.Read())
        {
            positioned = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            var cls = reader.GetAttribute("class");
            var title = reader.GetAttribute("title") ?? "";
            switch (cls)
            {
                case "ocr_line" or "ocr_caption" or "ocr_header" or "ocr_textfloat":
                    line++;
                    var box = Numbers(title, "bbox");
                    var bl = Numbers(title, "baseline");
                    size = Numbers(title, "x_size") is [var s, ..] ? s : box is [_, var t, _, var b] ? b - t : 0;
                    // Baseline: y = bottom + offset + slope·(x − left); kept at the line's middle x.
                    baseline = box is [var l, _, var r, var bottom]
                        ? bottom + (bl is [var slope, var off] ? off + slope * (r - l) / 2 : 0) : 0;
                    break;
                case "ocrx_word":
                    word++;
                    break;
                case "ocrx_cinfo":
                    var cb = Numbers(title, "x_bboxes");
                    var conf = Numbers(title, "x_conf") is [var c, ..] ? c : 0;
                    var text = reader.ReadElementContentAsString();
                    positioned = true;
                    if (cb is [var x0, var y0, var x1, var y1] && text.Trim().Length > 0)
                        chars.Add(new OcrChar(text.Trim(), (int)x0, (int)y0, (int)x1, (int)y1, (float)(conf / 100), line, word, baseline, size));
                    break;
            }
        }
        return chars;
    }

    // "bbox 1034 135 1108 182; x_wconf 93" → the numbers after the given property name.
    private static double[] Numbers(string title, string name)
    {
        foreach (var part in title.Split(';'))
        {
            var tokens = part.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2 || tokens[0] != name) continue;
            var values = new double[tokens.Length - 1];
            for (var i = 1; i < tokens.Length; i++)
                if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i - 1])) return [];
            return values;
        }
        return [];
    }
}
