using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Reading;

namespace Extractor.Isolation;

/// <summary>One answer of a reader worker: a document, or a typed failure; or, before the answer, a note that a
/// page is going through OCR (OcrPage), which gives the file one more page's time.</summary>
public sealed record WorkerReply(string? Code, string? Message, Document? Document, int? OcrPage = null);

/// <summary>
/// Reading runs in a worker process (`extractor worker`): PdfPig cannot be cancelled, and a crafted file
/// can hang it, take gigabytes or overflow the stack, which kills a .NET process outright. The worker
/// has a heap cap (DOTNET_GCHeapHardLimit) and a wall-clock limit per file; when it dies or overruns it
/// is killed and restarted, and the file gets a status (`timeout`, `unreadable`). The model of Apache Tika.
/// OCR (pdftoppm, tesseract) runs as the worker's children, killed with it; a scan takes seconds a page,
/// so the worker announces each OCR page and the clock for that file grows by one page's allowance.
/// </summary>
public sealed class IsolatedReader : IDisposable
{
    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly string[] _command;
    private readonly TimeSpan _timeout;
    private readonly long _heapBytes;
    private readonly TimeSpan _ocrPage;
    private Process? _worker;

    public int Restarts { get; private set; }

    /// <summary>The wall-clock limit the last file was finally given: the reader's, grown by one allowance per OCR page.</summary>
    public TimeSpan LastLimit { get; private set; }

    /// <summary>The highest high-water mark (VmHWM) of this reader's workers so far, in bytes: sampled after every
    /// file and before a worker is stopped, so a worker killed for overrunning still counts.</summary>
    public long PeakBytes { get; private set; }

    private void SamplePeak()
    {
        try { if (_worker is { HasExited: false } w) PeakBytes = Math.Max(PeakBytes, ProcessTreeMemory.HighWaterBytes(w.Id)); }
        catch (InvalidOperationException) { } // ended meanwhile
    }

    /// <summary>The running worker's process id, if one is running (for measuring it).</summary>
    public int? ProcessId
    {
        get
        {
            try { return _worker is { HasExited: false } w ? w.Id : null; }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { return null; } // replaced meanwhile
        }
    }

    /// <summary>
    /// The worker's managed-heap cap: no process may pass 500 MB, and the runtime and native buffers take about 100 MB
    /// beside the heap (measured: README, "Memory").
    /// </summary>
    public const long DefaultHeapBytes = 384L << 20;

    /// <param name="command">how to start the worker: the program and its arguments ("worker" and its options).</param>
    /// <param name="ocrPage">the time one OCR page adds to the file's limit (the worker's own per-page OCR limit).</param>
    public IsolatedReader(string[] command, TimeSpan timeout, long heapBytes = DefaultHeapBytes, TimeSpan? ocrPage = null)
    {
        _command = command;
        _timeout = timeout;
        _heapBytes = heapBytes;
        _ocrPage = ocrPage ?? Reading.Ocr.OcrOptions.Default.Timeout;
    }

    /// <summary>The command that starts this program's own worker.</summary>
    public static string[] SelfCommand()
    {
        var host = Environment.ProcessPath!;
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, entry, "worker"] : [host, "worker"];
    }

    private Process Start()
    {
        var psi = new ProcessStartInfo(_command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in _command.Skip(1)) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x" + _heapBytes.ToString("X");
        psi.Environment["DOTNET_gcServer"] = "0";
        var p = Process.Start(psi)!;
        p.ErrorDataReceived += (_, _) => { }; // drained, never shown: a crash is reported as a status
        p.BeginErrorReadLine();
        return p;
    }

    public Document Read(string path) => Read(path, _timeout);

    /// <summary>Reads one file under its own wall-clock limit instead of the reader's.</summary>
    public Document Read(string path, TimeSpan timeout)
    {
        _worker ??= Start();
        var reply = Ask(_worker, path, timeout);
        SamplePeak();
        if (reply is null)
        {
            Kill();
            throw new ReadException(ErrorCodes.Timeout, $"reading took longer than {timeout.TotalSeconds:0} s or the parser died (stopped and restarted)");
        }
        if (reply.Document is { } doc) return doc;
        throw new ReadException(reply.Code ?? ErrorCodes.Unreadable, reply.Message ?? "unreadable");
    }

    private WorkerReply? Ask(Process worker, string path, TimeSpan timeout)
    {
        try
        {
            worker.StandardInput.WriteLine(path);
            worker.StandardInput.Flush();
            var deadline = DateTime.UtcNow + timeout;
            LastLimit = timeout;
            while (true)
            {
                var line = worker.StandardOutput.ReadLineAsync();
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !line.Wait(left)) return null; // overran the clock
                if (line.Result is null)
                {
                    // End of output: the worker died on this file.
                    worker.WaitForExit(5000);
                    var exit = worker.HasExited ? worker.ExitCode : -1;
                    Kill();
                    return new WorkerReply(ErrorCodes.Unreadable, $"the parser crashed on this file (exit code {exit}); worker restarted", null);
                }
                var reply = JsonSerializer.Deserialize<WorkerReply>(line.Result, Json);
                if (reply?.OcrPage is null) return reply;
                deadline += _ocrPage;
                LastLimit += _ocrPage;
            }
        }
        catch (IOException)
        {
            Kill();
            return new WorkerReply(ErrorCodes.Unreadable, "the parser crashed on this file; worker restarted", null);
        }
    }

    private void Kill()
    {
        if (_worker is null) return;
        try { if (!_worker.HasExited) _worker.Kill(entireProcessTree: true); _worker.WaitForExit(5000); } catch (InvalidOperationException) { }
        _worker.Dispose();
        _worker = null;
        Restarts++;
    }

    public void Dispose()
    {
        SamplePeak();
        if (_worker is { HasExited: false }) { try { _worker.StandardInput.Close(); _worker.WaitForExit(2000); } catch (IOException) { } }
        if (_worker is { HasExited: false }) _worker.Kill(true);
        _worker?.Dispose();
    }

    /// <summary>The worker side: one path per line in, one JSON reply per line out.</summary>
    public static int Serve(System.IO.TextReader input, TextWriter output, ReadLimits limits)
    {
        limits = limits with
        {
            Ocr = limits.OcrOrDefault with
            {
                OnPage = page =>
                {
                    output.WriteLine(JsonSerializer.Serialize(new WorkerReply(null, null, null, page), Json));
                    output.Flush();
                },
            },
        };
        while (input.ReadLine() is { } path)
        {
            WorkerReply reply;
            try { reply = new WorkerReply(null, null, DocumentLoader.Read(path, limits)); }
            catch (ReadException e) { reply = new WorkerReply(e.Code, e.Message, null); }
            catch (OutOfMemoryException)
            {
                var cap = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 20;
                reply = new WorkerReply(ErrorCodes.TooLarge, $"reading needed more memory than the worker's cap ({cap} MB)", null);
            }
            catch (Exception e) { reply = new WorkerReply(ErrorCodes.Unreadable, $"reader failed: {e.GetType().Name}: {e.Message}", null); }
            output.WriteLine(JsonSerializer.Serialize(reply, Json));
            output.Flush();
        }
        return 0;
    }
}
