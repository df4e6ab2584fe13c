using DocStrange.Jobs.Tenancy;
using DocStrange.Storage.InProcess;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Storage.Tests;

/// <summary>The embedded mode's limit counters and the fixed UTC windows they count in.</summary>
public sealed class InProcessUsageCountersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 31, 23, 59, 45, TimeSpan.Zero));

    [Fact]
    public void Windows_are_the_utc_minute_day_and_calendar_month()
    {
        var now = new DateTimeOffset(2026, 2, 28, 22, 30, 15, TimeSpan.FromHours(-3));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 1, 30, 0, TimeSpan.Zero), UsageWindows.Minute(now).Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 1, 31, 0, TimeSpan.Zero), UsageWindows.Minute(now).End);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), UsageWindows.Day(now).Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), UsageWindows.Day(now).End);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), UsageWindows.Month(now).Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), UsageWindows.Month(now).End);
        Assert.Equal(45, UsageWindows.Minute(now).SecondsUntilReset(now));
        // Never 0: a client told to wait 0 seconds would come back into the same window.
        Assert.Equal(1, UsageWindows.Minute(now).SecondsUntilReset(UsageWindows.Minute(now).End.AddMilliseconds(-1)));
        Assert.NotEqual(UsageWindows.Day(now).KeyFor("documents", "ip:1"), UsageWindows.Day(now.AddDays(1)).KeyFor("documents", "ip:1"));
        Assert.Equal("2026-04-01T00:00:00Z", UsageWindows.Format(UsageWindows.Month(now).End));
    }

    [Fact]
    public async Task An_unknown_floor_is_asked_for_only_while_the_counter_does_not_exist()
    {
        var counters = new InProcessUsageCounters(_clock);
        var window = UsageWindows.Day(_clock.GetUtcNow());
        var key = window.KeyFor("documents", "ip:1");
        Assert.Equal(CounterResult.FloorNeeded, await counters.TryAddAsync(key, 1, 10, IUsageCounters.UnknownFloor, window.End, default));
        Assert.Equal(new CounterResult(true, 5), await counters.TryAddAsync(key, 1, 10, 4, window.End, default));
        Assert.Equal(new CounterResult(true, 6), await counters.TryAddAsync(key, 1, 10, IUsageCounters.UnknownFloor, window.End, default));
        // A new window has no counter yet: its floor is asked for again.
        _clock.Advance(TimeSpan.FromDays(1));
        var next = UsageWindows.Day(_clock.GetUtcNow());
        Assert.True((await counters.TryAddAsync(next.KeyFor("documents", "ip:1"), 1, 10, IUsageCounters.UnknownFloor, next.End, default)).NeedsFloor);
    }

    [Fact]
    public async Task A_counter_refuses_past_its_limit_and_starts_again_in_the_next_window()
    {
        var counters = new InProcessUsageCounters(_clock);
        var window = UsageWindows.Minute(_clock.GetUtcNow());
        var key = window.KeyFor("requests", "ip:1");
        Assert.Equal(new CounterResult(true, 1), await counters.TryAddAsync(key, 1, 2, 0, window.End, default));
        Assert.Equal(new CounterResult(true, 2), await counters.TryAddAsync(key, 1, 2, 0, window.End, default));
        Assert.Equal(new CounterResult(false, 2), await counters.TryAddAsync(key, 1, 2, 0, window.End, default));
        // Another owner has its own counter.
        Assert.True((await counters.TryAddAsync(window.KeyFor("requests", "ip:2"), 1, 2, 0, window.End, default)).Allowed);

        _clock.Advance(TimeSpan.FromSeconds(15));
        var next = UsageWindows.Minute(_clock.GetUtcNow());
        Assert.Equal(new CounterResult(true, 1), await counters.TryAddAsync(next.KeyFor("requests", "ip:1"), 1, 2, 0, next.End, default));
        // Even under the old key, a counter past its reset time counts from zero.
        Assert.Equal(new CounterResult(true, 1), await counters.TryAddAsync(key, 1, 2, 0, window.End, default));
    }

    [Fact]
    public async Task The_floor_raises_a_counter_and_giving_back_frees_room()
    {
        var counters = new InProcessUsageCounters(_clock);
        var end = _clock.GetUtcNow().AddHours(1);
        Assert.Equal(new CounterResult(true, 9), await counters.TryAddAsync("d", 1, 10, 8, end, default));
        Assert.Equal(new CounterResult(false, 9), await counters.TryAddAsync("d", 2, 10, 0, end, default));
        await counters.SubtractAsync("d", 1, default);
        Assert.Equal(new CounterResult(true, 10), await counters.TryAddAsync("d", 2, 10, 0, end, default));
        await counters.SubtractAsync("never-made", 3, default);
        Assert.Equal(new CounterResult(true, 1), await counters.TryAddAsync("never-made", 1, 10, 0, end, default));
    }
}
