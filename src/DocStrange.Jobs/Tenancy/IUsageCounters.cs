namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// Counters per time window, shared by every API replica (Redis in distributed mode, the process in
/// embedded mode): request rates and document quotas. Each call is one atomic step, so replicas that
/// count at the same moment never both take the last unit. An adapter that cannot reach its store
/// answers "allowed, not counted" rather than refusing work.
/// </summary>
public interface IUsageCounters
{
    /// <summary>
    /// Adds <paramref name="amount"/> to the counter <paramref name="key"/> unless the total would pass
    /// <paramref name="limit"/>. The counter starts (or is raised to) <paramref name="floor"/> — what the
    /// job table already knows — and disappears at <paramref name="resetAt"/>, the end of its window.
    /// A <paramref name="floor"/> of <see cref="UnknownFloor"/> asks for nothing to be done when the
    /// counter does not exist yet: the answer then says <see cref="CounterResult.NeedsFloor"/>, and the
    /// caller counts the floor (a query) and asks again. Counting the job table on every call would cost
    /// a scan of the owner's window per submission.
    /// </summary>
    Task<CounterResult> TryAddAsync(string key, long amount, long limit, long floor, DateTimeOffset resetAt, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="amount"/> back to a counter (a reservation that was not used); a counter that is gone stays gone.</summary>
    Task SubtractAsync(string key, long amount, CancellationToken cancellationToken);

    /// <summary>The floor that means "not counted yet": see <see cref="TryAddAsync"/>.</summary>
    public const long UnknownFloor = -1;
}

/// <summary>The answer of <see cref="IUsageCounters.TryAddAsync"/>.</summary>
/// <param name="Allowed">Whether the amount was added (or the store was away and nothing was counted).</param>
/// <param name="Count">The counter after the call: with the amount when allowed, without it when refused.</param>
/// <param name="Counted">False when the store could not be reached and the call was let through uncounted.</param>
public readonly record struct CounterResult(bool Allowed, long Count, bool Counted = true)
{
    /// <summary>The answer to a call with an unknown floor on a counter that does not exist: nothing was added.</summary>
    public static CounterResult FloorNeeded { get; } = new(false, 0) { NeedsFloor = true };

    /// <summary>Whether the counter does not exist and the call must be made again with its floor.</summary>
    public bool NeedsFloor { get; init; }

    /// <summary>The answer of a store that could not be reached: let the work through (limits fail open).</summary>
    public static CounterResult Uncounted { get; } = new(true, 0, false);
}
