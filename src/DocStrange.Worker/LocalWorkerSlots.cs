using DocStrange.Jobs.Ports;

namespace DocStrange.Worker;

/// <summary>The embedded mode's live workers: this process's own slots, counted as they start, wait and work.</summary>
public sealed class LocalWorkerSlots(WorkerOptions options) : ILiveWorkers
{
    private int _active;
    private int _busy;

    /// <inheritdoc />
    public Task<WorkerCounts> CountAsync(string? pool, CancellationToken cancellationToken)
    {
        if (pool is not null && pool != options.Pool) return Task.FromResult(WorkerCounts.None);
        var active = Volatile.Read(ref _active);
        var busy = Volatile.Read(ref _busy);
        return Task.FromResult(new WorkerCounts(active, Math.Max(0, active - busy), busy));
    }

    /// <summary>Whether no slot is running a job.</summary>
    public bool IsIdle => Volatile.Read(ref _busy) == 0;

    internal void SlotStarted() => Interlocked.Increment(ref _active);

    internal void SlotStopped() => Interlocked.Decrement(ref _active);

    internal void JobStarted() => Interlocked.Increment(ref _busy);

    internal void JobEnded() => Interlocked.Decrement(ref _busy);
}
