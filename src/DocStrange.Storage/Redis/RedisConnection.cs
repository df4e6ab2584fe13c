using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DocStrange.Storage.Redis;

/// <summary>
/// The process's one Redis connection. It is made without failing when Redis is down
/// (<c>AbortOnConnectFail=false</c>) and reconnects by itself: the service runs on without Redis,
/// only slower to wake.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(RedisOptions options, ILogger<RedisConnection> logger)
    {
        Prefix = options.Prefix;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var config = ConfigurationOptions.Parse(options.Configuration);
            config.AbortOnConnectFail = false;
            config.ConnectRetry = 1;
            config.ConnectTimeout = 2000;
            config.ClientName = $"docstrange-{Environment.MachineName}-{Environment.ProcessId}";
            var multiplexer = ConnectionMultiplexer.Connect(config);
            multiplexer.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({FailureType}); running on without signals", e.FailureType);
            multiplexer.ConnectionRestored += (_, _) => logger.LogInformation("Redis connection restored");
            return multiplexer;
        });
    }

    /// <summary>The prefix of every channel and key.</summary>
    public string Prefix { get; }

    /// <summary>The multiplexer (connected on first use).</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>Whether Redis answers now.</summary>
    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>A channel name under the prefix.</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}:{name}");

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}
