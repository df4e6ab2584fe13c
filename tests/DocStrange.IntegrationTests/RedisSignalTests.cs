using DocStrange.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocStrange.IntegrationTests;

/// <summary>Signals between processes through a real Redis; each "process" has its own connection.</summary>
public sealed class RedisSignalTests : IDisposable
{
    private readonly string _prefix = "it_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IDisposable> _owned = [];

    private RedisConnection Connect(string configuration)
    {
        var connection = new RedisConnection(new RedisOptions { Configuration = configuration, Prefix = _prefix }, NullLogger<RedisConnection>.Instance);
        _owned.Add(connection);
        return connection;
    }

    [Fact]
    public async Task A_work_signal_from_one_process_wakes_a_worker_in_another()
    {
        var api = new RedisWorkSignal(Connect(Servers.Redis), NullLogger<RedisWorkSignal>.Instance);
        var worker = new RedisWorkSignal(Connect(Servers.Redis), NullLogger<RedisWorkSignal>.Instance);
        // The first wait subscribes; it times out because nothing was sent yet.
        await worker.WaitAsync("cpu", TimeSpan.FromMilliseconds(50), default);

        var woken = worker.WaitAsync("cpu", TimeSpan.FromSeconds(20), default);
        api.Notify("cpu");
        await woken.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(woken.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_job_change_published_by_one_replica_wakes_a_watcher_on_another()
    {
        var worker = new RedisJobChangeFeed(Connect(Servers.Redis), NullLogger<RedisJobChangeFeed>.Instance);
        using var api = new RedisJobChangeFeed(Connect(Servers.Redis), NullLogger<RedisJobChangeFeed>.Instance);
        _owned.Add(worker);
        using var watch = api.Watch("job_x");
        // Subscriptions take effect asynchronously: publish until the watcher hears one, within a bound.
        var heard = false;
        for (var i = 0; i < 40 && !heard; i++)
        {
            worker.Publish("job_x");
            heard = await watch.WaitAsync(TimeSpan.FromMilliseconds(250), default);
        }
        Assert.True(heard);
    }

    [Fact]
    public async Task Without_redis_notifying_does_not_fail_and_watchers_are_pulsed_to_re_read()
    {
        var closed = $"127.0.0.1:{FreePort()},connectTimeout=200";
        var signal = new RedisWorkSignal(Connect(closed), NullLogger<RedisWorkSignal>.Instance);
        signal.Notify("cpu");
        // The local waiter still hears its own process's notification.
        await signal.WaitAsync("cpu", TimeSpan.FromSeconds(5), default).WaitAsync(TimeSpan.FromSeconds(10));

        using var feed = new RedisJobChangeFeed(Connect(closed), NullLogger<RedisJobChangeFeed>.Instance);
        using var watch = feed.Watch("job_y");
        Assert.True(await watch.WaitAsync(TimeSpan.FromSeconds(5), default));

        var health = new RedisSignalHealth(Connect(closed));
        await Assert.ThrowsAnyAsync<Exception>(() => health.PingAsync(default));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }
}
