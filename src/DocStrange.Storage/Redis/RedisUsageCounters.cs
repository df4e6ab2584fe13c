using DocStrange.Jobs.Tenancy;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DocStrange.Storage.Redis;

/// <summary>
/// The counters of the distributed mode, shared by every API replica: one Lua script per check, so
/// reading, comparing with the limit and adding are one atomic step in Redis; each key expires at the
/// end of its window. Without Redis the limits fail open — the call is let through uncounted and a
/// warning logged (at most once a minute) — because the service must keep working while Redis is away.
/// </summary>
public sealed class RedisUsageCounters(RedisConnection redis, TimeProvider time, ILogger<RedisUsageCounters> logger) : IUsageCounters
{
    // KEYS[1] counter; ARGV amount, limit, floor (-1: unknown), reset (unix ms). Returns {allowed, count},
    // or {-1, 0} when the counter does not exist and the floor is unknown.
    private const string TryAddScript = """
        local stored = redis.call('GET', KEYS[1])
        local floor = tonumber(ARGV[3])
        if not stored and floor < 0 then return {-1, 0} end
        local current = tonumber(stored or '0')
        if current < floor then current = floor end
        local amount = tonumber(ARGV[1])
        if current + amount > tonumber(ARGV[2]) then return {0, current} end
        current = current + amount
        redis.call('SET', KEYS[1], current)
        redis.call('PEXPIREAT', KEYS[1], ARGV[4])
        return {1, current}
        """;

    // KEYS[1] counter; ARGV amount. A counter that expired meanwhile is not brought back.
    private const string SubtractScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local left = redis.call('DECRBY', KEYS[1], ARGV[1])
        if left < 0 then redis.call('SET', KEYS[1], 0, 'KEEPTTL') end
        return left
        """;

    private long _nextWarningTicks;

    /// <inheritdoc />
    public async Task<CounterResult> TryAddAsync(string key, long amount, long limit, long floor, DateTimeOffset resetAt, CancellationToken cancellationToken)
    {
        // A disconnected multiplexer would queue the command until its timeout: fail open at once instead.
        if (!await IsUpAsync()) return Unreachable(null);
        try
        {
            var reply = (RedisResult[]?)await redis.Multiplexer.GetDatabase()
                .ScriptEvaluateAsync(TryAddScript, [Key(key)], [amount, limit, floor, resetAt.ToUnixTimeMilliseconds()])
                .WaitAsync(cancellationToken);
            var allowed = (long)reply![0];
            return allowed < 0 ? CounterResult.FloorNeeded : new CounterResult(allowed == 1, (long)reply[1]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unreachable(ex);
        }
    }

    /// <inheritdoc />
    public async Task SubtractAsync(string key, long amount, CancellationToken cancellationToken)
    {
        if (!await IsUpAsync()) return;
        try
        {
            await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(SubtractScript, [Key(key)], [amount]).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The reservation stays until its window ends: the caller loses at most that much quota.
            logger.LogDebug(ex, "Could not give back {Amount} on counter {Key}", amount, key);
        }
    }

    /// <summary>
    /// Whether Redis is connected. A new connection comes up in the background, so the process's first
    /// calls wait for it (once, up to <see cref="FirstConnectionWait"/>) instead of letting a burst at
    /// start-up through uncounted; after that a lost connection fails open at once.
    /// </summary>
    private async Task<bool> IsUpAsync()
    {
        if (redis.IsConnected) return true;
        await (_firstConnection ??= WaitForFirstConnectionAsync());
        return redis.IsConnected;
    }

    /// <summary>How long the first calls wait for the connection to come up.</summary>
    private static readonly TimeSpan FirstConnectionWait = TimeSpan.FromSeconds(2);

    private Task? _firstConnection;

    private async Task WaitForFirstConnectionAsync()
    {
        // Real time, not the injected clock: this waits on a socket, whatever the clock says.
        var deadline = Environment.TickCount64 + (long)FirstConnectionWait.TotalMilliseconds;
        while (!redis.IsConnected && Environment.TickCount64 < deadline) await Task.Delay(20);
    }

    private RedisKey Key(string key) => $"{redis.Prefix}:limits:{key}";

    private CounterResult Unreachable(Exception? ex)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextWarningTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextWarningTicks, now + TimeSpan.TicksPerMinute, next) == next)
        {
            logger.LogWarning(ex, "Redis is not answering: rate limits and quotas are not enforced until it is back");
        }
        return CounterResult.Uncounted;
    }
}
