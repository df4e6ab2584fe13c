using DocStrange.Api.Auth;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.RateLimiting;

/// <summary>
/// Requests per minute per caller (SPEC §5), counted in fixed UTC minutes on the shared counters so
/// every replica counts against one limit. Every <c>/api/v1</c> route counts except health and
/// metrics, which probes and scrapers call. A limited caller's responses carry
/// <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds until
/// the window resets); over the limit it gets 429 <c>RATE_LIMIT_EXCEEDED</c> with <c>Retry-After</c>.
/// An unlimited caller gets no rate headers. With <see cref="LimitsOptions.Enabled"/> false every
/// caller is made unlimited here, the first step after the caller is known.
/// </summary>
internal sealed class RequestRateMiddleware(RequestDelegate next, IUsageCounters counters, LimitsOptions options, TimeProvider time)
{
    /// <summary>The counter kind of request rates.</summary>
    public const string RequestsCounter = "requests";

    public async Task InvokeAsync(HttpContext http)
    {
        // Limits turned off: the caller is unlimited for everything after this point (admission, upload size, pages, /usage).
        if (!options.Enabled && http.Features.Get<Caller>() is { } resolved) http.Features.Set(resolved with { Limits = TierLimits.Unlimited });
        if (!IsCounted(http.Request.Path) || http.GetCaller() is not { Limits.RequestsPerMinute: { } limit } caller)
        {
            await next(http);
            return;
        }

        var now = time.GetUtcNow();
        var window = UsageWindows.Minute(now);
        var result = await counters.TryAddAsync(window.KeyFor(RequestsCounter, caller.OwnerId), 1, limit, 0, window.End, http.RequestAborted);
        var reset = window.SecondsUntilReset(now);
        var remaining = Math.Max(0, limit - result.Count);
        // On starting, not now: the error boundary clears headers set before it writes a problem.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        if (!result.Allowed)
        {
            throw new DocStrangeException(ServiceErrors.RateLimitExceeded,
                $"Your tier allows {limit} requests a minute; try again in {reset} s.",
                new Dictionary<string, object?>
                {
                    ["limit"] = limit, ["period"] = window.Name, ["tier"] = caller.Tier,
                    ["resets_at"] = UsageWindows.Format(window.End), ["retry_after_seconds"] = reset,
                });
        }
        await next(http);
    }

    /// <summary>Whether a path counts against the rate: under <c>/api/v1</c>, neither health nor metrics.</summary>
    internal static bool IsCounted(PathString path) =>
        path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase, out var rest)
        && !rest.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !rest.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
