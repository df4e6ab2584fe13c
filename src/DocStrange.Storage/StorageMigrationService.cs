using DocStrange.Jobs.Ports;
using DocStrange.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DocStrange.Storage;

/// <summary>
/// Brings the job database to the newest schema before anything else starts (hosted services start
/// in order). The embedded database is always migrated; PostgreSQL only when
/// <see cref="PostgresOptions.MigrateOnStart"/> says so (otherwise <c>docstrange migrate</c> does it).
/// </summary>
internal sealed class StorageMigrationService(IJobStoreSchema store, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.GetService<PostgresOptions>() is { MigrateOnStart: false } ? Task.CompletedTask : store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
