using System.CommandLine;
using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using DocStrange.Storage;
using DocStrange.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace DocStrange.Cli.Commands;

/// <summary>
/// <c>docstrange migrate</c>: applies the job database's pending numbered migrations and exits — the
/// step a deployment runs before starting API replicas with <c>DocStrange:Postgres:MigrateOnStart=false</c>.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the job database's pending migrations (distributed mode unless DocStrange:Mode says otherwise).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var builder = Host.CreateApplicationBuilder([.. parse.UnmatchedTokens, $"--{PostgresOptions.Section}:MigrateOnStart=false"]);
            builder.Logging.ClearProviders();
            try
            {
                builder.AddDocStrangeJobs(StorageModes.Distributed);
                using var host = builder.Build();
                var store = host.Services.GetRequiredService<IJobStore>();
                await store.MigrateAsync(ct);
                await Console.Out.WriteLineAsync($"docstrange: the {host.Services.GetRequiredService<StorageMode>().Name} job database is up to date");
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                await HostSetup.ReportAsync(ex);
                return 1;
            }
        });
        return command;
    }
}
