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
            Description = "OCR：只识别没有可用文字层的页（auto，默认）、所有页（always）或不识别（never）",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }

    public static ReadLimits Limits(string? mode) => new(Ocr: new OcrOptions(OcrOptions.ParseMode(mode ?? "auto")));
}
