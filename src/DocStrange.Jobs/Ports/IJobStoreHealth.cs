namespace DocStrange.Jobs.Ports;

/// <summary>Whether the job database answers, for health checks.</summary>
public interface IJobStoreHealth
{
    /// <summary>Checks the database answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
