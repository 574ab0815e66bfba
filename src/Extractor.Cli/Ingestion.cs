using System.Collections.Concurrent;
using System.Threading.Channels;
using Extractor.Isolation;
using Extractor.Storage;

namespace Extractor.Cli;

/// <summary>
/// Isolated reader processes shared by the files of a run: one per parallel job, started on first need and kept
/// warm between files; a worker that hangs or dies is replaced by the reader itself.
/// </summary>
internal sealed class WorkerPool(string[] command, TimeSpan limit) : IDisposable
{
    private readonly ConcurrentBag<IsolatedReader> _idle = [];
    private readonly ConcurrentBag<IsolatedReader> _all = [];

    public T With<T>(Func<IsolatedReader, T> use)
    {
        if (!_idle.TryTake(out var reader)) { reader = new IsolatedReader(command, limit); _all.Add(reader); }
        try { return use(reader); }
        finally { _idle.Add(reader); }
    }

    /// <summary>Each reader's peak (its workers' high-water mark, restarted ones included), in bytes.</summary>
    public IEnumerable<long> WorkerPeaks() => _all.Select(r => r.PeakBytes);

    public void Dispose()
    {
        foreach (var r in _all) r.Dispose();
    }
}

/// <summary>
/// The ingest path: files read in the pool's workers, extracted and validated here on `jobs` threads, and saved
/// one document per transaction by a single writer, in the order they finish.
/// </summary>
internal static class Ingestion
{
    /// <param name="saved">called on the writer's thread for each file: what was made of it (null: content
    /// already stored, not read again) and whether it was saved.</param>
    public static async Task Run(Store store, long run, IReadOnlyList<string> files, Extraction.ExtractionOptions options, WorkerPool pool,
        int jobs, bool forced, Action<ProcessedFile?, bool> saved, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<ProcessedFile?>(Math.Max(2, jobs * 2));
        var producer = Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ct },
            async (file, token) =>
            {
                var sha = Hash(file);
                ProcessedFile? result = null;
                if (forced || sha is null || !store.HasShared(sha))
                    result = pool.With(reader => Pipeline.Process(file, reader.Read, options));
                await channel.Writer.WriteAsync(result, token);
            }).ContinueWith(_ => channel.Writer.Complete(), TaskScheduler.Default);
        await foreach (var f in channel.Reader.ReadAllAsync(ct))
            saved(f, f is not null && store.Save(f, run, forced));
        await producer;
    }

    private static string? Hash(string file)
    {
        try { using var s = File.OpenRead(file); return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
