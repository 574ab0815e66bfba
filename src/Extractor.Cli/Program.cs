using System.CommandLine;
using Extractor.Cli;

var root = new RootCommand("Extractor: Chinese performance self-evaluation reports (绩效自评报告) to checked data");
root.Subcommands.Add(ReadCommand.Create());
root.Subcommands.Add(CorpusCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
foreach (var c in StoreCommands.Create()) root.Subcommands.Add(c);
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(FuzzCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(GenCorpusCommand.Create());
return await root.Parse(args).InvokeAsync();
