using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Extractor.Extraction;
using Extractor.Reading;
using Extractor.Validation;

namespace Extractor;

/// <summary>What the pipeline made of one file: the contract JSON, and the pieces the store keeps.</summary>
public sealed record ProcessedFile(string Path, string Sha256, JsonObject Json, Document? Document, Report? Report, IReadOnlyList<Discrepancy> Discrepancies)
{
    /// <summary>The checks validation could not apply, with their reasons.</summary>
    public IReadOnlyList<SkippedCheck> Skipped { get; init; } = [];

    public bool Ok => Report is not null;
    public string? ErrorCode => Json["error"]?["code"]?.GetValue<string>();
    public string? ErrorMessage => Json["error"]?["message"]?.GetValue<string>();
}

/// <summary>file → Document → Report → Discrepancies; every failure becomes a typed status, never an exception.</summary>
public static class Pipeline
{
    public static JsonObject Run(string path, ExtractionOptions? options = null, ReadLimits? limits = null) => Process(path, limits, options).Json;

    public static ProcessedFile Process(string path, ReadLimits? limits = null, ExtractionOptions? options = null) =>
        Process(path, p => DocumentLoader.Read(p, limits), options);

    /// <param name="read">how to read the file: in this process, or in an isolated worker (Isolation.IsolatedReader).</param>
    /// <param name="options">the lexicon to extract with (the embedded one unless a province's overlay is given).</param>
    public static ProcessedFile Process(string path, Func<string, Document> read, ExtractionOptions? options = null)
    {
        Document doc;
        try
        {
            doc = read(path);
        }
        catch (ReadException e)
        {
            var sha = HashOrEmpty(path);
            return new ProcessedFile(path, sha, ReportJson.Failed(new JsonObject
            {
                ["path"] = path, ["sha256"] = sha, ["format"] = System.IO.Path.GetExtension(path).TrimStart('.'),
            }, e.Code, e.Message), null, null, []);
        }
        try
        {
            var report = ReportExtractor.Extract(doc, options);
            var result = Validator.Run(report);
            return new ProcessedFile(path, doc.Source.Sha256, ReportJson.Ok(doc.Source, report, ReportJson.Discrepancies(result.Discrepancies), result.Skipped),
                doc, report, result.Discrepancies) { Skipped = result.Skipped };
        }
        catch (NotAReportException e)
        {
            return new ProcessedFile(path, doc.Source.Sha256, ReportJson.Failed(ReportJson.Source(doc.Source), ErrorCodes.NotAReport, e.Message), doc, null, []);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of the extractor on this file: the file gets its row and code, the batch goes on.
            return new ProcessedFile(path, doc.Source.Sha256,
                ReportJson.Failed(ReportJson.Source(doc.Source), ErrorCodes.ExtractionFailed, $"extraction failed: {e.GetType().Name}: {e.Message}"), doc, null, []);
        }
    }

    private static string HashOrEmpty(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(s));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
