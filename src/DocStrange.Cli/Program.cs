using System.CommandLine;
using DocStrange.Cli.Commands;
using DocStrange.Cli.Remote;
using DocStrange.Worker.Sandbox;

// Hidden and internal: a worker runs each conversion in a child process, `docstrange sandbox-convert`
// (the request path on standard input, or as an argument), under a memory and CPU budget. Handled before
// the command line is parsed, so the child starts with nothing else loaded and without the parser's
// Ctrl+C handling (the child answers to its worker only).
if (args is [SandboxCommand.Subcommand] or [SandboxCommand.Subcommand, _]) return await SandboxChild.RunAsync(args.ElementAtOrDefault(1));

var root = new RootCommand("DocStrange turns PDFs, Office files, HTML, images and text into Markdown, JSON, HTML, CSV and text.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ApiCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(StorageCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ResultCommand.Create());
root.Subcommands.Add(CancelCommand.Create());
root.Subcommands.Add(JobsCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
return await root.Parse(args).InvokeAsync();
