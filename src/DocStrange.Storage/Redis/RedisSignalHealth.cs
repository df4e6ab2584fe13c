using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Redis;

/// <summary>Redis answers a PING.</summary>
public sealed class RedisSignalHealth(RedisConnection redis) : ISignalHealth
{
    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) throw new InvalidOperationException("Redis is not connected.");
        await redis.Multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
    }
}
