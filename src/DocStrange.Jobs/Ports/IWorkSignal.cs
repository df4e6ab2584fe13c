namespace DocStrange.Jobs.Ports;

/// <summary>Wakes idle workers of a pool when work arrives. Only a hint: workers still poll slowly, so a lost signal delays, never loses, a job.</summary>
public interface IWorkSignal
{
    /// <summary>Tells the pool's workers there may be work.</summary>
    void Notify(string pool);

    /// <summary>Waits until notified or the timeout passes.</summary>
    Task WaitAsync(string pool, TimeSpan timeout, CancellationToken cancellationToken);
}
