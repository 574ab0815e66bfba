using System.CommandLine;
using Extractor.Reading;
using Extractor.Reading.Ocr;

namespace Extractor.Cli;

/// <summary>`--ocr auto|always|never`: which PDF pages are read by OCR (auto: those without a usable text layer).</summary>
internal static class OcrOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--ocr")
        {
            Description = "OCR pages without a usable text layer (auto), every page (always) or none (never)",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    public static ReadLimits Limits(string? mode) => new(Ocr: new OcrOptions(OcrOptions.ParseMode(mode ?? "auto")));
}
