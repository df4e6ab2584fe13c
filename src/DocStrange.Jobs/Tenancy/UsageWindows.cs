namespace DocStrange.Jobs.Tenancy;

/// <summary>A fixed window of time: counts made in it reset at <see cref="End"/>.</summary>
/// <param name="Name">What it is called in responses: <c>minute</c>, <c>day</c>, <c>month</c>.</param>
/// <param name="Start">The first instant of the window (inclusive).</param>
/// <param name="End">The first instant after it.</param>
public sealed record UsageWindow(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Whole seconds from <paramref name="now"/> until the window resets, at least 1 (a client that waits that long finds a new window).</summary>
    public int SecondsUntilReset(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((End - now).TotalSeconds));

    /// <summary>The counter key of <paramref name="ownerId"/> in this window: the window's start is part of it, so a new window starts a new counter.</summary>
    public string KeyFor(string kind, string ownerId) => $"{kind}:{Name}:{Start.ToUnixTimeSeconds()}:{ownerId}";
}

/// <summary>The fixed windows limits are counted in, all in UTC: the minute, the day, the calendar month.</summary>
public static class UsageWindows
{
    /// <summary>An instant as clients read it: <c>2026-01-01T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The UTC minute holding <paramref name="now"/>.</summary>
    public static UsageWindow Minute(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        return new UsageWindow("minute", start, start.AddMinutes(1));
    }

    /// <summary>The UTC day holding <paramref name="now"/>.</summary>
    public static UsageWindow Day(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        return new UsageWindow("day", start, start.AddDays(1));
    }

    /// <summary>The UTC calendar month holding <paramref name="now"/>.</summary>
    public static UsageWindow Month(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new UsageWindow("month", start, start.AddMonths(1));
    }
}
