using System.CommandLine;
using DocStrange.Cli.Commands;

var root = new RootCommand("DocStrange turns PDFs, Office files, HTML, images and text into Markdown, JSON, HTML, CSV and text.");
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ApiCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(StorageCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
return await root.Parse(args).InvokeAsync();
