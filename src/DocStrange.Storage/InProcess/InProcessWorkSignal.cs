using System.Collections.Concurrent;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.InProcess;

/// <summary>
/// The embedded mode's work signal: a counting semaphore per pool, so a notification sent while no
/// worker is waiting is kept for the next one that waits (none is lost between a claim and a wait).
/// </summary>
public sealed class InProcessWorkSignal : IWorkSignal
{
    // Enough to wake every slot of a busy process; more would only spin idle workers.
    private const int MaxPending = 64;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _pools = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Notify(string pool)
    {
        var semaphore = Get(pool);
        lock (semaphore)
        {
            if (semaphore.CurrentCount < MaxPending) semaphore.Release();
        }
    }

    /// <inheritdoc />
    public Task WaitAsync(string pool, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(pool).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string pool) => _pools.GetOrAdd(pool, _ => new SemaphoreSlim(0));
}
