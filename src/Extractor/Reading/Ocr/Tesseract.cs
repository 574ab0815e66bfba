using System.Globalization;

namespace Extractor.Reading.Ocr;

/// <summary>Tesseract 5 (Debian tesseract-ocr, tesseract-ocr-chi-sim) on one image: PGM in on stdin, hOCR with
/// character boxes out on stdout, under the tool limits. psm 6 (one block of text): the callers hand it either
/// a page's flowing text or a column of cut-outs (table cells, figures), never a layout to analyse.</summary>
internal static class Tesseract
{
    public static List<OcrChar> Recognise(GrayImage image, int dpi, PageBudget budget, string language = "chi_sim", string? whitelist = null)
    {
        List<string> args = ["stdin", "stdout", "-l", language, "--psm", "6", "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "-c", "hocr_char_boxes=1"];
        if (whitelist is not null) args.AddRange(["-c", "tessedit_char_whitelist=" + whitelist]);
        args.Add("hocr");
        var hocr = budget.Run("tesseract", args, image.ToPgm());
        return Hocr.Parse(hocr);
    }
}
