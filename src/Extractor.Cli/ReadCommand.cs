using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor read FILE [--json]`: the document as the readers see it.</summary>
internal static class ReadCommand
{
    // The report JSON's settings (indented, Chinese unescaped), with snake_case names for the model's records.
    public static readonly JsonSerializerOptions Json = new(Extraction.ReportJson.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "一份 .pdf、.docx 或 .txt 报告" }.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "输出带位置的文档模型（JSON）" };
        var ocr = OcrOption.Create();
        var timeout = IsolatedReading.Timeout();
        var cmd = new Command("read", "按阅读顺序输出文档文字（表格一行一行，单元格以制表符分隔）") { file, json, ocr, timeout };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            try
            {
                using var reader = IsolatedReading.Reader(parse.GetValue(ocr), parse.GetValue(timeout));
                var doc = reader.Read(path);
                Console.Out.Write(parse.GetValue(json) ? ToJson(doc) : DocumentText.Render(doc));
                return 0;
            }
            catch (ReadException e)
            {
                Console.Error.WriteLine($"{path}：{e.Code}（{Exports.ErrorNames.Explain(e.Code)}）：{e.Message}");
                return 2;
            }
        });
        return cmd;
    }

    public static string ToJson(Document doc) => JsonSerializer.Serialize(new
    {
        source = doc.Source,
        pages = doc.Pages.Select(p => new
        {
            number = p.Number, width = p.Width, height = p.Height,
            blocks = p.Blocks.Select(b => b switch
            {
                Paragraph para => (object)new { type = "paragraph", page = para.Page, box = para.Box, text = para.Text, lines = para.Lines },
                Table t => new { type = "table", page = t.Page, box = t.Box, rows = t.Rows.Select(r => r.Cells) },
                _ => new { type = "unknown" },
            }),
        }),
    }, Json) + "\n";
}
