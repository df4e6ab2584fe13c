using DocStrange.Jobs;
using DocStrange.Jobs.Model;

namespace DocStrange.Worker.Tests;

public sealed class FairSlotsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-fair-").FullName;

    [Fact]
    public async Task One_owners_slow_jobs_leave_a_slot_to_another_owner()
    {
        var slow = new GatedReader();
        await using var host = await WorkerHost.StartAsync(_dir, [slow, new CountingReader()], slots: 2);
        var held = new List<Job>();
        for (var i = 0; i < 3; i++) held.Add(await host.SubmitAsync($"slow-{i}.md", owner: "key:a"));
        var quick = await host.SubmitAsync("quick.txt", owner: "key:b");

        // Two slots: the automatic cap is 1, so the owner of the slow jobs holds one slot and the other converts quick.txt.
        Assert.Equal(JobState.Completed, Assert.Single(await host.WaitAllFinalAsync([quick.Id], TimeSpan.FromSeconds(30))).State);
        Assert.Equal(1, slow.Running);
        Assert.Equal(2, (await Task.WhenAll(held.Select(j => host.Store.GetAsync(j.Id, default)))).Count(j => j?.State == JobState.Pending));

        slow.Release();
        Assert.All(await host.WaitAllFinalAsync(held.Select(j => j.Id), TimeSpan.FromSeconds(30)), j => Assert.Equal(JobState.Completed, j.State));
        Assert.Equal(1, slow.MostRunning);
    }

    [Fact]
    public async Task With_the_cap_off_one_owner_may_hold_every_slot()
    {
        var slow = new GatedReader();
        await using var host = await WorkerHost.StartAsync(_dir, [slow], slots: 2,
            settings: new Dictionary<string, string?> { ["DocStrange:Jobs:MaxRunningPerOwner"] = "0" });
        var held = new List<Job>();
        for (var i = 0; i < 2; i++) held.Add(await host.SubmitAsync($"slow-{i}.md", owner: "key:a"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (slow.Running < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(2, slow.Running);
        slow.Release();
        Assert.All(await host.WaitAllFinalAsync(held.Select(j => j.Id), TimeSpan.FromSeconds(30)), j => Assert.Equal(JobState.Completed, j.State));
    }

    [Theory]
    [InlineData(null, 1, 1)]
    [InlineData(null, 2, 1)]
    [InlineData(null, 4, 3)]
    [InlineData(0, 4, 0)]
    [InlineData(5, 2, 5)]
    public void The_cap_is_the_configured_number_or_one_less_than_the_slots(int? configured, int slots, int cap)
    {
        var ownerCap = new OwnerRunningCap(new JobsOptions { MaxRunningPerOwner = configured }, new WorkerOptions { Slots = slots });
        Assert.Equal(cap, ownerCap.Current);
    }

    [Fact]
    public void The_automatic_cap_follows_the_pools_live_slots_but_never_counts_fewer_than_its_own()
    {
        var ownerCap = new OwnerRunningCap(new JobsOptions(), new WorkerOptions { Slots = 2 });
        ownerCap.PoolSlotsSeen(6);
        Assert.Equal(5, ownerCap.Current);
        ownerCap.PoolSlotsSeen(0);
        Assert.Equal(1, ownerCap.Current);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
