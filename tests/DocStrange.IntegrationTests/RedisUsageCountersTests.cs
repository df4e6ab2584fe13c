using DocStrange.Jobs.Tenancy;
using DocStrange.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DocStrange.IntegrationTests;

/// <summary>The limit counters on a real Redis: atomic across connections, starting from the job table's count, expiring with their window.</summary>
public sealed class RedisUsageCountersTests : IDisposable
{
    private readonly string _prefix = "it_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<RedisConnection> _connections = [];
    private readonly DateTimeOffset _resetAt = DateTimeOffset.UtcNow.AddMinutes(5);

    private RedisUsageCounters Replica(string? configuration = null)
    {
        var connection = new RedisConnection(new RedisOptions { Configuration = configuration ?? Servers.Redis, Prefix = _prefix }, NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        return new RedisUsageCounters(connection, TimeProvider.System, NullLogger<RedisUsageCounters>.Instance);
    }

    [Fact]
    public async Task Two_replicas_adding_at_once_never_pass_the_limit()
    {
        var a = Replica();
        var b = Replica();
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? a : b).TryAddAsync("k", 1, 25, 0, _resetAt, default)));
        Assert.Equal(25, results.Count(r => r.Allowed));
        Assert.All(results, r => Assert.True(r.Counted));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), results.Where(r => r.Allowed).Select(r => r.Count).Order());
        Assert.All(results.Where(r => !r.Allowed), r => Assert.Equal(25, r.Count));
    }

    [Fact]
    public async Task A_counter_starts_from_the_floor_and_expires_at_the_end_of_its_window()
    {
        var counters = Replica();
        var first = await counters.TryAddAsync("day", 1, 10, 7, _resetAt, default);
        Assert.True(first.Allowed);
        Assert.Equal(8, first.Count);
        // A lower floor (the job table lags the reservations) does not lower the counter.
        Assert.Equal(9, (await counters.TryAddAsync("day", 1, 10, 3, _resetAt, default)).Count);
        Assert.False((await counters.TryAddAsync("day", 2, 10, 0, _resetAt, default)).Allowed);

        var db = _connections[0].Multiplexer.GetDatabase();
        var ttl = await db.KeyTimeToLiveAsync($"{_prefix}:limits:day");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
    }

    [Fact]
    public async Task An_unknown_floor_is_asked_for_only_while_the_counter_does_not_exist()
    {
        var counters = Replica();
        var first = await counters.TryAddAsync("month", 1, 10, IUsageCounters.UnknownFloor, _resetAt, default);
        Assert.True(first.NeedsFloor);
        Assert.False(first.Allowed);
        Assert.False(await _connections[0].Multiplexer.GetDatabase().KeyExistsAsync($"{_prefix}:limits:month"));

        Assert.Equal(5, (await counters.TryAddAsync("month", 1, 10, 4, _resetAt, default)).Count);
        var next = await counters.TryAddAsync("month", 1, 10, IUsageCounters.UnknownFloor, _resetAt, default);
        Assert.Equal((false, true, 6L), (next.NeedsFloor, next.Allowed, next.Count));
    }

    [Fact]
    public async Task Giving_back_frees_room_and_never_revives_an_expired_counter()
    {
        var counters = Replica();
        await counters.TryAddAsync("g", 3, 3, 0, _resetAt, default);
        Assert.False((await counters.TryAddAsync("g", 1, 3, 0, _resetAt, default)).Allowed);
        await counters.SubtractAsync("g", 1, default);
        Assert.True((await counters.TryAddAsync("g", 1, 3, 0, _resetAt, default)).Allowed);

        await counters.SubtractAsync("gone", 5, default);
        Assert.False(await _connections[0].Multiplexer.GetDatabase().KeyExistsAsync($"{_prefix}:limits:gone"));
    }

    [Fact]
    public async Task Without_redis_every_call_is_let_through_uncounted()
    {
        var counters = Replica($"127.0.0.1:{Servers.ClosedPort()},connectTimeout=200");
        var result = await counters.TryAddAsync("k", 1, 1, 5, _resetAt, default);
        Assert.True(result.Allowed);
        Assert.False(result.Counted);
        await counters.SubtractAsync("k", 1, default);
    }

    public void Dispose()
    {
        foreach (var connection in _connections) connection.Dispose();
    }
}
