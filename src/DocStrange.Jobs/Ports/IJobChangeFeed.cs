namespace DocStrange.Jobs.Ports;

/// <summary>Tells waiters (long-polls, event streams) that a job changed, so they re-read it instead of polling the database.</summary>
public interface IJobChangeFeed
{
    /// <summary>Announces that the job changed.</summary>
    void Publish(string jobId);

    /// <summary>Starts watching a job; subscribe before reading it so no change between the read and the wait is missed.</summary>
    IJobWatch Watch(string jobId);
}

/// <summary>A subscription to one job's changes.</summary>
public interface IJobWatch : IDisposable
{
    /// <summary>Waits for the next change after the subscription (or the one since the last wait); false on timeout.</summary>
    Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
