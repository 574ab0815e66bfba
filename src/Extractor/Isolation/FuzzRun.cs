using System.Diagnostics;

namespace Extractor.Isolation;

/// <summary>A fuzz campaign: every mutant must end with a status (ok or a typed error) within the time limit;
/// an unhandled exception counts as a crash, running past the limit as a hang.</summary>
public static class FuzzRun
{
    public sealed record Outcome(int Total, SortedDictionary<string, int> ByStatus, int Crashes, int Hangs, int WorkerRestarts, double Seconds, long PeakWorkingSetMb, long WorkerPeakMb);

    public static Outcome Run(string corpus, int count, int seed, string[] workerCommand, TimeSpan timeout, TextWriter log, TimeSpan? budget = null)
    {
        var sources = new[] { "docx", "pdf-lo", "pdf-chrome", "txt" }
            .SelectMany(k => Directory.GetFiles(Path.Combine(corpus, k))).Order(StringComparer.Ordinal).ToArray();
        var fuzzer = new Fuzzer(seed);
        var rng = new Random(seed);
        var dir = Directory.CreateTempSubdirectory("extractor-fuzz-").FullName;
        var byStatus = new SortedDictionary<string, int>();
        int crashes = 0, hangs = 0, n = 0;
        long peak = 0;
        var sw = Stopwatch.StartNew();
        using var reader = new IsolatedReader(workerCommand, timeout);
        for (; n < count && (budget is null || sw.Elapsed < budget); n++)
        {
            var source = sources[rng.Next(sources.Length)];
            var (bytes, kind) = fuzzer.Mutate(File.ReadAllBytes(source), Path.GetExtension(source));
            var path = Path.Combine(dir, $"m{n}{Path.GetExtension(source)}");
            File.WriteAllBytes(path, bytes);
            var one = Stopwatch.StartNew();
            try
            {
                var result = Pipeline.Process(path, reader.Read);
                var status = result.Ok ? "ok" : result.ErrorCode ?? "?";
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                // A `timeout` status is the limit doing its job; the mutant is kept for a look.
                if (status == Reading.ErrorCodes.Timeout) File.Copy(path, Path.Combine(Path.GetTempPath(), $"fuzz-timeout-{seed}-{n}{Path.GetExtension(path)}"), true);
            }
            catch (Exception e)
            {
                crashes++;
                log.WriteLine($"CRASH on mutant {n} ({kind} of {Path.GetFileName(source)}): {e.GetType().Name}: {e.Message}");
                File.Copy(path, path + ".crash", true);
            }
            // Past the limit the reader granted this file (its own, plus one allowance per page that went to OCR): the
            // time went outside the worker (extraction, validation) or into its restart.
            if (one.Elapsed > reader.LastLimit + TimeSpan.FromSeconds(5))
            {
                hangs++;
                var kept = Path.Combine(Path.GetTempPath(), $"fuzz-hang-{seed}-{n}{Path.GetExtension(path)}");
                File.Copy(path, kept, true);
                log.WriteLine($"HANG on mutant {n} ({kind} of {Path.GetFileName(source)}): {one.Elapsed.TotalSeconds:0.0} s, kept as {kept}");
            }
            File.Delete(path);
            peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
            if ((n + 1) % 500 == 0) log.WriteLine($"{n + 1} mutants, {sw.Elapsed.TotalSeconds:0} s");
        }
        var outcome = new Outcome(n, byStatus, crashes, hangs, reader.Restarts, sw.Elapsed.TotalSeconds, peak / (1024 * 1024), reader.PeakBytes >> 20);
        log.WriteLine($"mutants {outcome.Total} in {outcome.Seconds:0.0} s: " + string.Join(", ", byStatus.Select(p => $"{p.Key} {p.Value}")) +
                      $"; crashes {crashes}; hangs {hangs}; worker restarts {reader.Restarts}; peak working set (parent) {outcome.PeakWorkingSetMb} MB; " +
                      $"peak RSS of the workers {outcome.WorkerPeakMb} MB");
        return outcome;
    }
}
