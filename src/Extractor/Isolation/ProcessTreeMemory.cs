using System.Globalization;

namespace Extractor.Isolation;

/// <summary>
/// The peak resident memory of a process together with its children (a reader worker and the pdftoppm and
/// tesseract it runs), sampled from /proc: the worker's own heap cap does not cover its children, so the
/// cost of one worker on a machine is the sum. Linux only; elsewhere it reads 0.
/// </summary>
public sealed class ProcessTreeMemory : IDisposable
{
    private readonly Func<int?> _root;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>The highest sum of resident set sizes seen, in bytes.</summary>
    public long PeakBytes { get; private set; }

    /// <param name="root">the process to watch, asked at every sample (a worker may be restarted)</param>
    public ProcessTreeMemory(Func<int?> root, TimeSpan? interval = null)
    {
        _root = root;
        var every = interval ?? TimeSpan.FromMilliseconds(20);
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                if (_root() is { } pid) PeakBytes = Math.Max(PeakBytes, TreeBytes(pid));
                Thread.Sleep(every);
            }
        }) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>The kernel's own high-water mark (VmHWM) of one process, in bytes: exact, but without its children.</summary>
    public static long HighWaterBytes(int pid) => StatusKb(pid, "VmHWM:") * 1024;

    private static long TreeBytes(int pid)
    {
        var total = StatusKb(pid, "VmRSS:") * 1024;
        foreach (var child in Children(pid)) total += TreeBytes(child);
        return total;
    }

    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks)) return [];
        var list = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories(tasks))
                foreach (var word in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (int.TryParse(word, CultureInfo.InvariantCulture, out var child)) list.Add(child);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the process ended meanwhile
        return list;
    }

    private static long StatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return 0;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
