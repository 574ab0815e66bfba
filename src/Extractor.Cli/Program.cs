using System.CommandLine;
using System.Globalization;
using Extractor.Cli;

// Messages a person reads are in Chinese, the command line parser's own included.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");

var root = new RootCommand("Extractor：把部门整体支出绩效自评报告转为经过校验、可追溯的数据");
root.Subcommands.Add(ReadCommand.Create());
root.Subcommands.Add(CorpusCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
foreach (var c in ListCommands.Create()) root.Subcommands.Add(c);
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(FuzzCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(GenCorpusCommand.Create());
root.Subcommands.Add(StoreBenchCommand.Create());
root.Subcommands.Add(BenchCopiesCommand.Create());
root.Subcommands.Add(UnitsCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
var parsed = root.Parse(args);
// A mistake gets its one-line message (and a suggestion for a typo), not the whole help page.
if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction error && args.Length > 0) { error.ShowHelp = false; error.ShowTypoCorrections = false; }
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    return Cli.Report(e); // one line, never a stack trace
}
