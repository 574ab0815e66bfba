using System.CommandLine;
using Extractor.Extraction;
using Extractor.Extraction.Lexicon;

namespace Extractor.Cli;

/// <summary>`--lexicon FILE` (repeatable): a province's own wording, in the lexicon's format, added to the embedded one.</summary>
internal static class LexiconOption
{
    public static Option<FileInfo[]> Create() => new("--lexicon")
    {
        Description = "附加词表文件（每行：类别<TAB>规范词<TAB>写法|写法…），不重新编译即可补充本地表述；可多次使用",
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
            if (missing is not null) { error = $"词表文件不存在：{missing.FullName}"; return null; }
            return new ExtractionOptions(Lexicon.Default.WithOverlays(files.Select(f => f.FullName)));
        }
        catch (LexiconException e)
        {
            error = e.Message;
            return null;
        }
    }
}
