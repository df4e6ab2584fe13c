using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Hosting;

namespace DocStrange.Storage;

/// <summary>Brings the job database to the newest schema before anything else starts (hosted services start in order).</summary>
internal sealed class StorageMigrationService(IJobStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
