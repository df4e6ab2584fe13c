using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Api.Tests;

/// <summary>
/// A test host whose free tier has small limits and whose clock stands still (so a test never sees a
/// window reset it did not ask for), in the middle of a UTC minute in the future: Redis expires keys
/// by its own clock, and a window that ended in the past would vanish at once.
/// </summary>
internal static class LimitedHost
{
    /// <summary>A clock at 12:00:30 UTC tomorrow.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(12).AddSeconds(30), TimeSpan.Zero));

    /// <summary>A host on <paramref name="clock"/> with the free tier's <paramref name="limits"/> (names under <c>DocStrange:Tiers:Free</c>).</summary>
    public static ApiFactory Create(FakeTimeProvider clock, IReadOnlyDictionary<string, string> limits, bool withWorkers = false,
        IReadOnlyDictionary<string, string>? backend = null)
    {
        var settings = new Dictionary<string, string>(backend ?? new Dictionary<string, string>());
        foreach (var (name, value) in limits) settings[$"DocStrange:Tiers:Free:{name}"] = value;
        return new ApiFactory(withWorkers, s => s.AddSingleton<TimeProvider>(clock), settings);
    }
}
