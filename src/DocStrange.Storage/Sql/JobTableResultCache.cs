using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Sql;

/// <summary>
/// The result cache of the embedded mode: the job table itself, looked up by its request-hash index in the
/// same process. A completed job is its own entry, so there is nothing to record.
/// </summary>
public sealed class JobTableResultCache(IJobReader store) : IResultCache
{
    /// <inheritdoc />
    public Task<Job?> FindAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken) =>
        store.FindCachedAsync(ownerId, requestHash, completedSince, cancellationToken);

    /// <inheritdoc />
    public Task RememberAsync(Job job, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;
}
