using DocStrange.Jobs.Model;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Redis;
using DocStrange.Storage.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DocStrange.IntegrationTests;

/// <summary>The result cache's index on a real Redis, pointing into a real PostgreSQL job table.</summary>
public sealed class RedisResultCacheTests : IAsyncLifetime
{
    private readonly string _prefix = "it_" + Guid.NewGuid().ToString("N")[..12];
    private readonly NpgsqlDataSource _dataSource = PostgresDataSource.Create(Servers.NewPostgresSchema());
    private readonly List<RedisConnection> _connections = [];
    private PostgresJobStore _store = null!;
    private readonly DateTimeOffset _now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public async Task InitializeAsync()
    {
        _store = new PostgresJobStore(_dataSource, TimeProvider.System);
        await _store.MigrateAsync(default);
    }

    private RedisResultCache Cache(string? configuration = null)
    {
        var connection = new RedisConnection(new RedisOptions { Configuration = configuration ?? Servers.Redis, Prefix = _prefix }, NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        return new RedisResultCache(connection, _store, TimeProvider.System, NullLogger<RedisResultCache>.Instance);
    }

    private async Task<Job> CompletedAsync(string owner, string hash, DateTimeOffset at)
    {
        var job = TestJobs.Pending(at) with
        {
            OwnerId = owner, State = JobState.Completed, RequestHash = hash, Result = new JobResult { PagesProcessed = 1 },
            StartedAt = at, CompletedAt = at,
        };
        await _store.CreateAsync(job, "api", default);
        return job;
    }

    [Fact]
    public async Task A_remembered_job_is_found_only_for_its_owner_and_request()
    {
        var cache = Cache();
        var job = await CompletedAsync("key:a", "hash-1", _now);
        await cache.RememberAsync(job, _now.AddHours(1), default);

        Assert.Equal(job.Id, (await Cache().FindAsync("key:a", "hash-1", _now.AddHours(-1), default))?.Id);
        Assert.Null(await cache.FindAsync("key:b", "hash-1", _now.AddHours(-1), default));
        Assert.Null(await cache.FindAsync(null, "hash-1", _now.AddHours(-1), default));
        Assert.Null(await cache.FindAsync("key:a", "hash-2", _now.AddHours(-1), default));
    }

    [Fact]
    public async Task Redis_is_asked_not_the_table_and_the_newest_job_wins()
    {
        var cache = Cache();
        var older = await CompletedAsync("key:a", "hash-1", _now.AddMinutes(-5));
        // In the table but never recorded: a miss, because a connected cache does not query PostgreSQL.
        Assert.Null(await cache.FindAsync("key:a", "hash-1", _now.AddHours(-1), default));

        await cache.RememberAsync(older, _now.AddHours(1), default);
        var newer = await CompletedAsync("key:a", "hash-1", _now);
        await cache.RememberAsync(newer, _now.AddHours(1), default);
        Assert.Equal(newer.Id, (await cache.FindAsync("key:a", "hash-1", _now.AddHours(-1), default))?.Id);

        var ttl = await _connections[0].Multiplexer.GetDatabase().KeyTimeToLiveAsync($"{_prefix}:cache:hash-1:key:a");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60.1));
    }

    [Fact]
    public async Task An_entry_whose_job_was_purged_or_is_too_old_is_a_miss()
    {
        var cache = Cache();
        var purged = await CompletedAsync("key:a", "hash-p", _now);
        await cache.RememberAsync(purged, _now.AddHours(1), default);
        Assert.True((await _store.MarkPurgedAsync(purged.Id, "api", default)).Applied);
        Assert.Null(await cache.FindAsync("key:a", "hash-p", _now.AddHours(-1), default));

        var old = await CompletedAsync("key:a", "hash-o", _now.AddHours(-2));
        await cache.RememberAsync(old, _now.AddHours(1), default);
        Assert.Null(await cache.FindAsync("key:a", "hash-o", _now.AddHours(-1), default));
        Assert.Equal(old.Id, (await cache.FindAsync("key:a", "hash-o", _now.AddHours(-3), default))?.Id);
    }

    [Fact]
    public async Task An_entry_already_past_its_end_is_not_written()
    {
        var cache = Cache();
        var job = await CompletedAsync("key:a", "hash-x", _now);
        await cache.RememberAsync(job, _now.AddSeconds(-1), default);
        Assert.False(await _connections[0].Multiplexer.GetDatabase().KeyExistsAsync($"{_prefix}:cache:hash-x:key:a"));
    }

    [Fact]
    public async Task Without_redis_the_job_table_answers()
    {
        var cache = Cache($"127.0.0.1:{Servers.ClosedPort()},connectTimeout=200");
        var job = await CompletedAsync("key:a", "hash-1", _now);
        await cache.RememberAsync(job, _now.AddHours(1), default);

        Assert.Equal(job.Id, (await cache.FindAsync("key:a", "hash-1", _now.AddHours(-1), default))?.Id);
        Assert.Null(await cache.FindAsync("key:b", "hash-1", _now.AddHours(-1), default));
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) connection.Dispose();
        await _dataSource.DisposeAsync();
    }
}
