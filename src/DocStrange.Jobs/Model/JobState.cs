namespace DocStrange.Jobs.Model;

/// <summary>Where a job is in its life. <see cref="Completed"/>, <see cref="Failed"/> and <see cref="Cancelled"/> are final.</summary>
public enum JobState
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
