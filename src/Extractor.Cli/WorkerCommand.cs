using System.CommandLine;
using Extractor.Isolation;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor worker`: the isolated reader process (paths in on stdin, one JSON reply per line out).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var cmd = new Command("worker", "internal: read documents for an isolating parent process") { Hidden = true };
        cmd.SetAction(_ => IsolatedReader.Serve(Console.In, Console.Out, new ReadLimits()));
        return cmd;
    }
}
