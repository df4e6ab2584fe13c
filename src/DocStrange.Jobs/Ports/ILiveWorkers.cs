namespace DocStrange.Jobs.Ports;

/// <summary>Which workers are live, for health and routing: in the embedded mode the process's own slots.</summary>
public interface ILiveWorkers
{
    /// <summary>Live worker slots of a pool (all pools when null).</summary>
    Task<WorkerCounts> CountAsync(string? pool, CancellationToken cancellationToken);
}

/// <summary>Worker slots: live in all, idle (waiting for work), busy (running a job).</summary>
public sealed record WorkerCounts(int Active, int Idle, int Busy)
{
    /// <summary>No live workers.</summary>
    public static WorkerCounts None { get; } = new(0, 0, 0);
}
