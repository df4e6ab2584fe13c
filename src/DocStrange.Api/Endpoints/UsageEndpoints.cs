using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Jobs;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>The caller's usage against its limits.</summary>
public static class UsageEndpoints
{
    /// <summary>Maps <c>GET /usage</c>.</summary>
    public static RouteGroupBuilder MapUsageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", GetUsageAsync).WithName("GetUsage")
            .WithSummary("Your documents, pages, bytes and processing time this UTC day and month, against your tier's limits.");
        return api;
    }

    internal static async Task<Ok<UsageView>> GetUsageAsync(HttpContext http, IOwnerUsage usage, JobsOptions jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.GetCaller();
        var now = time.GetUtcNow();
        var day = UsageWindows.Day(now);
        var month = UsageWindows.Month(now);
        var counts = await usage.CountAsync(caller.OwnerId, day.Start, month.Start, cancellationToken);
        var dayTotals = await usage.TotalsAsync(caller.OwnerId, day.Start, day.End, cancellationToken);
        var monthTotals = await usage.TotalsAsync(caller.OwnerId, month.Start, month.End, cancellationToken);
        var limits = caller.Limits;
        return TypedResults.Ok(new UsageView(
            caller.Tier,
            LimitsOf(caller, jobs),
            Period(day, dayTotals, limits.DocumentsPerDay),
            Period(month, monthTotals, limits.DocumentsPerMonth),
            new ConcurrencyView(counts.ActiveJobs, limits.ConcurrentJobs, Remaining(limits.ConcurrentJobs, counts.ActiveJobs))));
    }

    /// <summary>The caller's limits as clients see them (also on <c>/system</c>).</summary>
    internal static TierLimitsView LimitsOf(Caller caller, JobsOptions jobs) => new(
        caller.Limits.RequestsPerMinute,
        caller.Limits.DocumentsPerDay,
        caller.Limits.DocumentsPerMonth,
        caller.Limits.ConcurrentJobs,
        EffectiveLimits.MaxFileBytes(caller.Limits, jobs),
        EffectiveLimits.MaxPages(caller.Limits, jobs));

    private static UsagePeriodView Period(UsageWindow window, UsageTotals totals, int? limit) => new(
        window.Start, window.End, totals.Documents, totals.CachedDocuments, totals.Pages, totals.Bytes, totals.ProcessingTimeMs,
        limit, Remaining(limit, totals.Documents));

    private static long? Remaining(int? limit, long used) => limit is { } max ? Math.Max(0, max - used) : null;
}
