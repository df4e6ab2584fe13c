using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Storage.Tests;

/// <summary>What every leader election must do, whatever its database: one holder at a time, renewals, takeover after expiry, release.</summary>
public abstract class LeaderElectionContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>An election over a migrated, empty database; every call may return another instance over the same database (another process).</summary>
    protected abstract Task<ILeaderElection> OpenElectionAsync();

    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private const string Name = "maintenance";

    [Fact]
    public async Task Of_holders_racing_for_a_free_leadership_exactly_one_leads()
    {
        var elections = new List<ILeaderElection>();
        for (var i = 0; i < 4; i++) elections.Add(await OpenElectionAsync());

        var won = await Task.WhenAll(elections.Select((e, i) => Task.Run(() => e.TryLeadAsync(Name, $"node-{i}", Ttl, default))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task The_holder_renews_and_others_stay_out_while_its_time_runs()
    {
        var (a, b) = (await OpenElectionAsync(), await OpenElectionAsync());
        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));

        Clock.Advance(Ttl * 2 / 3);
        Assert.False(await b.TryLeadAsync(Name, "b", Ttl, default));
        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));
        // Past the first term, within the renewed one.
        Clock.Advance(Ttl * 2 / 3);
        Assert.False(await b.TryLeadAsync(Name, "b", Ttl, default));
        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));
    }

    [Fact]
    public async Task Another_takes_over_once_the_holders_time_ran_out_and_the_old_holder_is_out()
    {
        var (a, b) = (await OpenElectionAsync(), await OpenElectionAsync());
        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));

        Clock.Advance(Ttl + TimeSpan.FromMilliseconds(1));
        Assert.True(await b.TryLeadAsync(Name, "b", Ttl, default));
        Assert.False(await a.TryLeadAsync(Name, "a", Ttl, default));
    }

    [Fact]
    public async Task Release_lets_another_in_at_once_and_only_the_holder_can_release()
    {
        var (a, b) = (await OpenElectionAsync(), await OpenElectionAsync());
        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));

        await b.ReleaseAsync(Name, "b", default);
        Assert.False(await b.TryLeadAsync(Name, "b", Ttl, default));

        await a.ReleaseAsync(Name, "a", default);
        Assert.True(await b.TryLeadAsync(Name, "b", Ttl, default));
        Assert.False(await a.TryLeadAsync(Name, "a", Ttl, default));
    }

    [Fact]
    public async Task Leaderships_of_different_names_are_held_apart()
    {
        var (a, b) = (await OpenElectionAsync(), await OpenElectionAsync());

        Assert.True(await a.TryLeadAsync(Name, "a", Ttl, default));
        Assert.True(await b.TryLeadAsync("other", "b", Ttl, default));
        Assert.False(await b.TryLeadAsync(Name, "b", Ttl, default));
    }
}
