using DocStrange.Jobs.Ports;
using DocStrange.Storage.InProcess;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DocStrange.Storage.Redis;

/// <summary>
/// Job changes fanned out to every API replica: a change is published on one channel (the job id as
/// the message) and each replica wakes its own watchers. While Redis is away, watchers are woken every
/// second instead, so long-polls re-read the job and still see its changes.
/// </summary>
public sealed class RedisJobChangeFeed : IJobChangeFeed, IDisposable
{
    private static readonly TimeSpan FallbackPulse = TimeSpan.FromSeconds(1);
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisJobChangeFeed> _logger;
    private readonly InProcessJobChangeFeed _local = new();
    private readonly Timer _pulse;
    private int _subscribed;

    public RedisJobChangeFeed(RedisConnection redis, ILogger<RedisJobChangeFeed> logger)
    {
        _redis = redis;
        _logger = logger;
        _pulse = new Timer(_ => PulseWhileDisconnected(), null, FallbackPulse, FallbackPulse);
    }

    /// <inheritdoc />
    public void Publish(string jobId)
    {
        _local.Publish(jobId);
        try
        {
            _redis.Multiplexer.GetSubscriber().Publish(_redis.Channel("jobs"), jobId, CommandFlags.FireAndForget);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Could not publish a change of job {JobId}", jobId);
        }
    }

    /// <inheritdoc />
    public IJobWatch Watch(string jobId)
    {
        EnsureSubscribed();
        return _local.Watch(jobId);
    }

    private void EnsureSubscribed()
    {
        if (Volatile.Read(ref _subscribed) == 1) return;
        try
        {
            _redis.Multiplexer.GetSubscriber().Subscribe(_redis.Channel("jobs"), (_, message) => _local.Publish(message.ToString()));
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Could not subscribe to job changes; watchers fall back to a one-second pulse");
        }
    }

    private void PulseWhileDisconnected()
    {
        if (Volatile.Read(ref _subscribed) == 1 && _redis.IsConnected) return;
        _local.PublishAll();
    }

    public void Dispose() => _pulse.Dispose();
}
