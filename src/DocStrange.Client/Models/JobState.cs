namespace DocStrange.Client;

/// <summary>A job's status, as the API writes it in snake_case (<c>pending</c>, <c>processing</c>, ...).</summary>
public enum JobState
{
    /// <summary>Waiting for a worker (also while waiting for a retry).</summary>
    Pending,

    /// <summary>A worker is converting it.</summary>
    Processing,

    /// <summary>Final: every asked format is stored.</summary>
    Completed,

    /// <summary>Final: the job's <c>error</c> says why.</summary>
    Failed,

    /// <summary>Final: stopped by a cancel; never has a result.</summary>
    Cancelled,
}

/// <summary>Questions about a <see cref="JobState"/>.</summary>
public static class JobStateExtensions
{
    /// <summary>Whether the job can no longer change: completed, failed or cancelled.</summary>
    public static bool IsFinal(this JobState state) => state is JobState.Completed or JobState.Failed or JobState.Cancelled;

    /// <summary>The wire name of the state (<c>pending</c>, <c>processing</c>, ...), as the <c>status</c> query takes it.</summary>
    public static string ToWireName(this JobState state) => state.ToString().ToLowerInvariant();
}
