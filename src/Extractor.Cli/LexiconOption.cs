using System.CommandLine;
using Extractor.Extraction;
using Extractor.Extraction.Lexicon;

namespace Extractor.Cli;

/// <summary>`--lexicon FILE` (repeatable): a province's own wording, in the lexicon's format, added to the embedded one.</summary>
internal static class LexiconOption
{
    public static Option<FileInfo[]> Create() => new("--lexicon")
    {
        Description = "an overlay lexicon file (facet<TAB>canonical<TAB>form|form…), adding wording without recompiling; repeatable",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The extraction options for the given overlays; a file that cannot be used is reported in one line.</summary>
    public static ExtractionOptions? Options(FileInfo[]? files, out string? error)
    {
        error = null;
        if (files is null || files.Length == 0) return ExtractionOptions.Default;
        try
        {
            var missing = files.FirstOrDefault(f => !f.Exists);
            if (missing is not null) { error = $"lexicon file not found: {missing.FullName}"; return null; }
            return new ExtractionOptions(Lexicon.Default.WithOverlays(files.Select(f => f.FullName)));
        }
        catch (LexiconException e)
        {
            error = e.Message;
            return null;
        }
    }
}
