using System.ComponentModel;
using System.Diagnostics;

namespace Extractor.Reading.Ocr;

/// <summary>Why an OCR tool call gave nothing usable. Not a ReadException: the caller decides what it means for the document.</summary>
internal sealed class ToolException(string message, bool timedOut = false, bool missing = false) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;
    public bool Missing { get; } = missing;
}

/// <summary>
/// Runs pdftoppm or tesseract with bytes on stdin and stdout captured, under a wall-clock limit (killed,
/// with its children, when it overruns) and an address-space cap (util-linux `prlimit --as`), because the
/// worker's own heap cap (DOTNET_GCHeapHardLimit) does not reach a child process.
/// </summary>
internal static class ExternalTool
{
    private const string Prlimit = "/usr/bin/prlimit";

    public static byte[] Run(string tool, IReadOnlyList<string> args, byte[] stdin, TimeSpan timeout, long memoryBytes)
    {
        var limited = File.Exists(Prlimit);
        var psi = new ProcessStartInfo(limited ? Prlimit : tool)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (limited) foreach (var a in new[] { $"--as={memoryBytes}", "--", tool }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // One thread per Tesseract: the worker pool already runs a page per core, and OpenMP's spinning
        // threads made a page four times slower on two busy cores.
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new ToolException($"{tool} did not start", missing: true);
        }
        catch (Win32Exception e)
        {
            throw new ToolException($"{tool} is not installed ({e.Message})", missing: true);
        }
        using (process)
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            var writing = Task.Run(() =>
            {
                try { process.StandardInput.BaseStream.Write(stdin); process.StandardInput.Close(); }
                catch (IOException) { } // the tool stopped reading (it failed); its exit code tells why
            });
            if (!process.WaitForExit(timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit();
                throw new ToolException($"{tool} took longer than {timeout.TotalSeconds:0} s", timedOut: true);
            }
            process.WaitForExit(); // drains the redirected streams
            Task.WaitAll(reading, writing);
            if (process.ExitCode != 0)
            {
                var message = errors.Result.Trim();
                if (limited && process.ExitCode == 127) throw new ToolException($"{tool} is not installed", missing: true); // prlimit could not exec it
                throw new ToolException($"{tool} failed (exit {process.ExitCode}): {Tail(message)}");
            }
            return output.ToArray();
        }
    }

    private static string Tail(string s) => s.Length <= 200 ? s : "…" + s[^200..];
}

/// <summary>One page's time for its tool calls: each call gets what is left of <see cref="OcrOptions.Timeout"/>,
/// so a page as a whole never takes longer than the allowance the isolating parent gave it.</summary>
internal sealed class PageBudget(OcrOptions options)
{
    private readonly DateTime _deadline = DateTime.UtcNow + options.Timeout;

    public byte[] Run(string tool, IReadOnlyList<string> args, byte[] stdin)
    {
        var left = _deadline - DateTime.UtcNow;
        if (left <= TimeSpan.Zero) throw new ToolException($"the page took longer than {options.Timeout.TotalSeconds:0} s", timedOut: true);
        return ExternalTool.Run(tool, args, stdin, left, options.ToolMemoryBytes);
    }
}
