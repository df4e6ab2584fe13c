namespace DocStrange.Jobs.Ports;

/// <summary>The health of the signal bus (Redis in the distributed mode), which the service can run without.</summary>
public interface ISignalHealth
{
    /// <summary>Checks the bus answers; throws when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
