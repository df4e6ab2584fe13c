namespace DocStrange.Jobs.Model;

/// <summary>
/// The allowed transitions between <see cref="JobState"/>s. Stores apply a transition only as a
/// compare-and-set on the state they expect, so this table and the database agree on what can happen.
/// </summary>
public static class JobStateMachine
{
    private static readonly HashSet<(JobState From, JobState To)> Allowed =
    [
        (JobState.Pending, JobState.Processing),   // claimed by a worker
        (JobState.Pending, JobState.Cancelled),    // cancelled before it started
        (JobState.Processing, JobState.Completed), // converted and stored
        (JobState.Processing, JobState.Failed),    // a permanent error, or retries used up
        (JobState.Processing, JobState.Cancelled), // stopped at a page boundary after a cancel request
        (JobState.Processing, JobState.Pending),   // released: a transient error to retry, a lost lease, a drained worker
    ];

    /// <summary>Whether a job may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(JobState from, JobState to) => Allowed.Contains((from, to));

    /// <summary>Whether the state is final: nothing moves a job out of it.</summary>
    public static bool IsFinal(JobState state) => state is JobState.Completed or JobState.Failed or JobState.Cancelled;

    /// <summary>The states from which a job may move to <paramref name="to"/>.</summary>
    public static IReadOnlyList<JobState> SourcesOf(JobState to) => [.. Allowed.Where(t => t.To == to).Select(t => t.From)];
}
