using DocStrange.Jobs.Model;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Tests;
using DocStrange.Worker;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.IntegrationTests;

/// <summary>
/// Four workers' maintenance over one PostgreSQL database: one leads and alone rescues expired leases;
/// when it dies another takes over once its leadership runs out. The clock is the test's, so "runs out"
/// is a step of it, not a wait.
/// </summary>
public sealed class MaintenanceLeadershipTests : IDisposable
{
    private static readonly TimeSpan Leadership = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan JobLease = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _blobs = Directory.CreateTempSubdirectory("docstrange-maintenance-").FullName;
    private readonly List<MaintenanceNode> _nodes = [];

    private async Task<IReadOnlyList<MaintenanceNode>> StartNodesAsync(int count)
    {
        var connectionString = Servers.NewPostgresSchema();
        var options = new WorkerOptions { LeadershipDuration = Leadership };
        for (var i = 0; i < count; i++) _nodes.Add(new MaintenanceNode(connectionString, _blobs, _clock, options));
        await _nodes[0].Store.MigrateAsync(default);
        return _nodes;
    }

    /// <summary>A job claimed by a worker that then died: its lease runs out one step of the clock later.</summary>
    private async Task<Job> JobOfADeadWorkerAsync(PostgresJobStore store)
    {
        var job = TestJobs.Pending(_clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        Assert.NotNull(await store.ClaimAsync(job.Pool, "dead-worker", JobLease, 0, default));
        return job;
    }

    private static Task<bool[]> AllTryLeadAsync(IEnumerable<MaintenanceNode> nodes) =>
        Task.WhenAll(nodes.Select(n => Task.Run(() => n.Leadership.TryLeadAsync(default))));

    private static Task<int?[]> AllRescueAsync(IEnumerable<MaintenanceNode> nodes) =>
        Task.WhenAll(nodes.Select(n => Task.Run(() => n.Rescuer.RescueIfLeadingAsync(default))));

    [Fact]
    public async Task Of_four_workers_one_leads_and_an_expired_lease_is_rescued_once()
    {
        var nodes = await StartNodesAsync(4);
        var leads = await AllTryLeadAsync(nodes);
        Assert.Single(leads, l => l);
        var job = await JobOfADeadWorkerAsync(nodes[0].Store);

        _clock.Advance(JobLease * 2);
        var rescues = await AllRescueAsync(nodes);

        // Only the leader looked, and it took the job back once: one retry event, one attempt.
        Assert.Equal(1, Assert.Single(rescues, r => r is not null));
        Assert.Equal(1, rescues[Array.IndexOf(leads, true)]);
        var rescued = await nodes[0].Store.GetAsync(job.Id, default);
        Assert.Equal(JobState.Pending, rescued!.State);
        Assert.Equal(1, rescued.Attempts);
        Assert.Single(await nodes[0].Store.GetEventsAsync(job.Id, default), e => e.Kind == JobEventKinds.RetryScheduled);
        Assert.Equal(["1", "0", "0", "0"], (await Task.WhenAll(nodes.Select(n => n.LeaderGaugeAsync()))).OrderDescending());
    }

    [Fact]
    public async Task When_the_leader_dies_another_takes_over_once_its_leadership_runs_out_and_rescues()
    {
        var nodes = await StartNodesAsync(4);
        var leads = await AllTryLeadAsync(nodes);
        var dead = nodes[Array.IndexOf(leads, true)];
        // Killed: it neither renews nor gives the leadership up.
        var survivors = nodes.Where(n => n != dead).ToList();
        var job = await JobOfADeadWorkerAsync(survivors[0].Store);

        _clock.Advance(JobLease * 2);
        Assert.All(await AllTryLeadAsync(survivors), Assert.False);
        Assert.All(await AllRescueAsync(survivors), r => Assert.Null(r));
        Assert.Equal(JobState.Processing, (await survivors[0].Store.GetAsync(job.Id, default))!.State);

        _clock.Advance(Leadership - JobLease);
        Assert.Single(await AllTryLeadAsync(survivors), l => l);
        Assert.Equal(1, Assert.Single(await AllRescueAsync(survivors), r => r is not null));
        Assert.Equal(JobState.Pending, (await survivors[0].Store.GetAsync(job.Id, default))!.State);
        Assert.Single(await survivors[0].Store.GetEventsAsync(job.Id, default), e => e.Kind == JobEventKinds.RetryScheduled);
    }

    [Fact]
    public async Task A_leader_that_shuts_down_hands_over_at_once()
    {
        var nodes = await StartNodesAsync(2);
        foreach (var node in nodes) await node.Leadership.StartAsync(default);
        var leader = Assert.Single(nodes, n => n.Leadership.IsLeader);
        var other = nodes.Single(n => n != leader);

        await leader.Leadership.StopAsync(default);

        Assert.False(leader.Leadership.IsLeader);
        Assert.Equal("0", await leader.LeaderGaugeAsync());
        Assert.True(await other.Leadership.TryLeadAsync(default));
        await other.Leadership.StopAsync(default);
    }

    public void Dispose()
    {
        foreach (var node in _nodes) node.Dispose();
        Directory.Delete(_blobs, recursive: true);
    }
}
