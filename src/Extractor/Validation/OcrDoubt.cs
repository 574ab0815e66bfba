namespace Extractor.Validation;

/// <summary>
/// A contradiction that rests on a figure OCR was unsure of may be the recogniser's misreading, not the report's:
/// it stays on the list for a person to look at the scan, but as a warning (提示), never an error.
/// </summary>
public static class OcrDoubt
{
    /// <summary>Below this (Tesseract's confidence, 0–1, lowest over the number's characters) a figure is doubtful.
    /// Clean digits in the corpus scans read at 0.9 and above; the misread ones mostly well below.</summary>
    public const float LowConfidence = 0.9f;

    public static Discrepancy Soften(Discrepancy d)
    {
        if (d.Severity != Severity.Error) return d;
        var doubtful = d.Evidence.Where(e => e.Confidence < LowConfidence).ToList();
        if (doubtful.Count == 0) return d;
        var lowest = doubtful.Min(e => e.Confidence!.Value);
        return d with { Severity = Severity.Warning, Message = $"{d.Message}（{doubtful[0].Label}为扫描件识别所得，置信度{lowest:0.00}，请对照原件核实）" };
    }
}
