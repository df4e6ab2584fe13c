using DocStrange.Jobs.Ports;
using DocStrange.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Storage;

/// <summary>
/// What a command checks of its storage before its host starts: the embedded database file's
/// integrity. Found here, a damaged file is one line from the command; found by the host's start,
/// it is a failed start with a stack trace.
/// </summary>
public static class StorageStartCheck
{
    /// <summary>Throws <see cref="DamagedDatabaseException"/> when the embedded database file is damaged; nothing to check in the distributed mode.</summary>
    public static Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<IJobStore>() is SqliteJobStore sqlite ? sqlite.VerifyIntactAsync(cancellationToken) : Task.CompletedTask;
}
