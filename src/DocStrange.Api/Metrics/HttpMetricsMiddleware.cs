using System.Diagnostics;
using System.Globalization;
using DocStrange.Api.Http;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>
/// The HTTP metrics of SPEC §6: requests by method, route template and status, their duration, and the
/// requests in progress. The route is the matched endpoint's template (never the raw path, so ids never
/// become labels), or <c>unmatched</c> when no endpoint matched.
/// </summary>
public sealed class HttpMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Gauge _inProgress;

    /// <summary>Creates the metrics in the host's registry.</summary>
    public HttpMetricsMiddleware(RequestDelegate next, CollectorRegistry registry)
    {
        _next = next;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _requests = factory.CreateCounter("http_requests_total", "HTTP requests answered by this process, by method, route template and status code.",
            "method", "route", "status");
        _duration = factory.CreateHistogram("http_request_duration_seconds", "Time to answer HTTP requests, by method and route template.",
            new HistogramConfiguration
            {
                LabelNames = ["method", "route"],
                Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
            });
        _inProgress = factory.CreateGauge("http_requests_in_progress", "HTTP requests this process is answering now.");
    }

    /// <summary>Times the rest of the pipeline and counts its answer, an escaping exception as 500.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        // The host routes before any middleware runs; the exception handler clears the endpoint, so it is read now.
        var matched = context.GetEndpoint();
        _inProgress.Inc();
        try
        {
            await _next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            _inProgress.Dec();
            var route = RouteTemplate.Of(matched ?? context.GetEndpoint());
            // Methods are a closed set for the routes served; anything else would let callers make labels.
            var method = HttpMethods.GetCanonicalizedValue(context.Request.Method) is var m && KnownMethods.Contains(m) ? m : "OTHER";
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            _requests.WithLabels(method, route, status.ToString(CultureInfo.InvariantCulture)).Inc();
            _duration.WithLabels(method, route).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static readonly HashSet<string> KnownMethods =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options];
}
