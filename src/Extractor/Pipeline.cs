using System.Text.Json.Nodes;
using Extractor.Extraction;
using Extractor.Reading;

namespace Extractor;

/// <summary>file → Document → Report → JSON; every failure becomes a typed status, never an exception.</summary>
public static class Pipeline
{
    public static JsonObject Run(string path)
    {
        Document doc;
        try
        {
            doc = DocumentLoader.Read(path);
        }
        catch (ReadException e)
        {
            return ReportJson.Failed(new JsonObject { ["path"] = path, ["format"] = Path.GetExtension(path).TrimStart('.') }, e.Code, e.Message);
        }
        try
        {
            var report = ReportExtractor.Extract(doc);
            return ReportJson.Ok(doc.Source, report, ReportJson.Discrepancies(Validation.Validator.Validate(report)));
        }
        catch (NotAReportException e)
        {
            return ReportJson.Failed(ReportJson.Source(doc.Source), ErrorCodes.NotAReport, e.Message);
        }
    }
}

