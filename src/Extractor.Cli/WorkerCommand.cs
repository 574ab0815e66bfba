using System.CommandLine;
using Extractor.Isolation;
using Extractor.Reading;

namespace Extractor.Cli;

/// <summary>`extractor worker`: the isolated reader process (paths in on stdin, one JSON reply per line out).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var ocr = OcrOption.Create();
        var cmd = new Command("worker", "internal: read documents for an isolating parent process") { ocr };
        cmd.Hidden = true;
        cmd.SetAction(parse => IsolatedReader.Serve(Console.In, Console.Out, OcrOption.Limits(parse.GetValue(ocr))));
        return cmd;
    }
}
