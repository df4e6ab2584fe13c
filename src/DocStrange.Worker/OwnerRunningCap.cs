using DocStrange.Jobs;

namespace DocStrange.Worker;

/// <summary>
/// The owner cap this worker claims with (<see cref="JobsOptions.MaxRunningPerOwner"/>): the configured
/// number (0: none), or else one less than the pool's live worker slots, at least 1 — one owner never
/// holds every slot of a pool that has more than one, and a pool of one slot still serves a lone owner.
/// The pool's slots are learned from the worker registry at each heartbeat; this process's own slots
/// count until then, and are the least the pool is taken to have.
/// </summary>
public sealed class OwnerRunningCap(JobsOptions jobs, WorkerOptions worker)
{
    private int _poolSlots;

    /// <summary>The most jobs of one owner that may be processing in the pool when this worker claims.</summary>
    public int Current => jobs.MaxRunningPerOwner ?? Automatic(Math.Max(Volatile.Read(ref _poolSlots), worker.Slots));

    /// <summary>Whether the cap follows the pool's slots (no number configured).</summary>
    public bool IsAutomatic => jobs.MaxRunningPerOwner is null;

    /// <summary>The automatic cap of a pool with this many live slots.</summary>
    public static int Automatic(int poolSlots) => Math.Max(1, poolSlots - 1);

    /// <summary>Records the pool's live slots, as the registry counted them.</summary>
    internal void PoolSlotsSeen(int slots) => Volatile.Write(ref _poolSlots, slots);
}
