using DocStrange.Jobs.Ports;
using DocStrange.Storage.InProcess;
using Microsoft.Extensions.Logging;

namespace DocStrange.Storage.Redis;

/// <summary>
/// Wakes the workers of every process: a notification is published on the pool's channel, and each
/// process passes what it hears to its local waiters. When Redis is away, publishing fails quietly
/// (logged) and workers find the job on their next poll: slower, never lost.
/// </summary>
public sealed class RedisWorkSignal : IWorkSignal
{
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisWorkSignal> _logger;
    private readonly InProcessWorkSignal _local = new();
    private readonly HashSet<string> _subscribed = [];

    public RedisWorkSignal(RedisConnection redis, ILogger<RedisWorkSignal> logger)
    {
        _redis = redis;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Notify(string pool)
    {
        try
        {
            _redis.Multiplexer.GetSubscriber().Publish(_redis.Channel($"work:{pool}"), "1", StackExchange.Redis.CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Could not publish a work signal for pool {Pool}", pool);
        }
        // Waiters in this process need not wait for the round trip (or for Redis at all).
        _local.Notify(pool);
    }

    /// <inheritdoc />
    public Task WaitAsync(string pool, TimeSpan timeout, CancellationToken cancellationToken)
    {
        EnsureSubscribed(pool);
        return _local.WaitAsync(pool, timeout, cancellationToken);
    }

    private void EnsureSubscribed(string pool)
    {
        lock (_subscribed)
        {
            if (_subscribed.Contains(pool)) return;
            try
            {
                _redis.Multiplexer.GetSubscriber().Subscribe(_redis.Channel($"work:{pool}"), (_, _) => _local.Notify(pool));
                _subscribed.Add(pool);
            }
            catch (Exception ex)
            {
                // Tried again on the next wait; until then the poll interval finds the work.
                _logger.LogDebug(ex, "Could not subscribe to work signals of pool {Pool}", pool);
            }
        }
    }
}
