using System.CommandLine;
using System.CommandLine.Parsing;
using Extractor.Extraction;
using Extractor.Validation;

namespace Extractor.Cli;

/// <summary>A mistake in how the program was called, told in one line.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// What the commands share: the database option (EXTRACTOR_DB), validated option values whose errors list
/// what is allowed, and one way out for errors — a line a person understands and a non-zero exit, never a
/// stack trace.
/// </summary>
internal static class Cli
{
    public const string DefaultDb = "extractor.db";

    /// <summary>One file per core: the thread pool would otherwise keep adding threads while OCR (a child process)
    /// blocks, and twenty scans OCR'd at once on two cores all run past their time limits.</summary>
    public static readonly ParallelOptions OnePerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static Option<string> Db() => new("--db")
    {
        Description = "数据库：SQLite 文件，或 PostgreSQL 连接串（Host=…;Username=…;Database=… 或 postgres://…）；默认取环境变量 EXTRACTOR_DB，否则为当前文件夹下的 extractor.db",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXTRACTOR_DB") is { Length: > 0 } e ? e : DefaultDb,
    };

    public static readonly string[] Formats = ["table", "csv", "xlsx", "html", "json"];

    public static Option<string> Format() => Choice("--format", "输出格式：table（终端表格）、csv、xlsx、html、json", Formats, "table");

    public static Option<FileInfo?> Out() => new("--out")
    {
        Description = "写入此文件，而不是终端",
        Validators = { r => { if (r.GetValueOrDefault<FileInfo?>() is { } f && f.Directory is { Exists: false } d) r.AddError($"输出目录不存在：{d.FullName}"); } },
    };

    /// <summary>A whole number in a range; anything else is named in the error with what is allowed.</summary>
    public static Option<int> Int(string name, string description, int @default, int min, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => @default,
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(t, out var n) && n >= min && n <= max) return n;
            r.AddError($"{name} 需要 {min} 到 {max} 之间的整数（收到“{t}”）");
            return @default;
        },
    };

    public static Option<int?> Year() => new("--year")
    {
        Description = "年度，例如 2023",
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(t, out var y) && y is >= 1990 and <= 2100) return y;
            r.AddError($"--year 需要一个年份，例如 2023（收到“{t}”）");
            return null;
        },
    };

    public static Option<string?> Rule() => new("--rule")
    {
        Description = "规则代码（不区分大小写），例如 SCORE_TOTAL",
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value.Trim() : "";
            var code = RuleNames.All.Keys.FirstOrDefault(k => string.Equals(k, t, StringComparison.OrdinalIgnoreCase));
            if (code is not null) return code;
            r.AddError($"未知的规则代码“{t}”；可用：{string.Join(", ", RuleNames.All.Keys.Order())}");
            return null;
        },
    };

    public static Option<string?> Status(string name = "--status", string description = "核查状态：待核实、已确认、已排除（或 open、confirmed、dismissed）") => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (RuleNames.StatusCode(t) is { } s) return s;
            r.AddError($"未知的核查状态“{t}”；可用：待核实、已确认、已排除（open、confirmed、dismissed）");
            return null;
        },
    };

    public static Option<string?> Severity() => new("--severity")
    {
        Description = "严重程度：错误、提示（或 error、warning）",
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value.Trim() : "";
            if (t is "错误" or "error") return Validation.Severity.Error;
            if (t is "提示" or "warning") return Validation.Severity.Warning;
            r.AddError($"未知的严重程度“{t}”；可用：错误、提示（error、warning）");
            return null;
        },
    };

    public static Option<string[]> Key() => new("--key")
    {
        Description = "数据项的键（可重复），例如 budget.initial；所有键见 figures --all",
        AllowMultipleArgumentsPerToken = true,
        Validators =
        {
            r =>
            {
                foreach (var k in r.GetValueOrDefault<string[]>() ?? [])
                    if (Keys.Find(k) is null) r.AddError($"未知的键“{k}”；可用：{string.Join(", ", Keys.All.Select(x => x.Name))}");
            },
        },
    };

    private static Option<string> Choice(string name, string description, string[] values, string @default) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => @default,
        CustomParser = r =>
        {
            var t = r.Tokens.Count > 0 ? r.Tokens[0].Value.Trim().ToLowerInvariant() : @default;
            if (values.Contains(t)) return t;
            r.AddError($"未知的{name}取值“{t}”；可用：{string.Join("、", values)}");
            return @default;
        },
    };

    /// <summary>Runs a command's work; a failure the user can act on is one line and exit 2, anything else exit 70, never a stack trace.</summary>
    public static int Guard(Func<int> work)
    {
        try { return work(); }
        catch (Exception e) { return Report(e); }
    }

    public static async Task<int> Guard(Func<Task<int>> work)
    {
        try { return await work(); }
        catch (Exception e) { return Report(e); }
    }

    /// <summary>A server's error comes with its position and detail on further lines; the user gets the first.</summary>
    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>The one line an error gets, and the exit code.</summary>
    public static int Report(Exception e)
    {
        switch (e)
        {
            case UsageException or Storage.StoreNotFoundException or Extraction.Lexicon.LexiconException:
                Console.Error.WriteLine(e.Message);
                return 2;
            case System.Data.Common.DbException s: // SQLite or PostgreSQL (also a server that cannot be reached)
                Console.Error.WriteLine($"数据库错误：{FirstLine(s.Message)}");
                return 2;
            case IOException or UnauthorizedAccessException or InvalidDataException or FileFormatException:
                Console.Error.WriteLine($"文件错误：{e.Message}");
                return 2;
            case OperationCanceledException:
                Console.Error.WriteLine("已取消");
                return 130;
            default:
                Console.Error.WriteLine($"内部错误：{e.Message}（请报告此问题）");
                return 70;
        }
    }
}
