using System.Reflection;
using DocStrange.Api.Auth;
using DocStrange.Api.Contracts;
using DocStrange.Api.Health;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocStrange.Api.Endpoints;

/// <summary>What the server offers, and whether it is well.</summary>
public static class SystemEndpoints
{
    /// <summary>The product version (informational version of this assembly, without build metadata).</summary>
    public static string Version { get; } =
        (typeof(SystemEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Maps <c>/system</c> and the health routes.</summary>
    public static RouteGroupBuilder MapSystemEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/system", GetSystemAsync).WithName("GetSystem").WithSummary("Formats, OCR engines, processing modes, limits and version.");
        api.MapGet("/health", GetHealthAsync).WithName("GetHealth").WithSummary("Detailed health of the service and its dependencies.")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/health/live", () => TypedResults.Ok(new LivenessView("alive"))).WithName("GetLiveness").WithSummary("200 while the process runs.");
        api.MapGet("/health/ready", GetReadyAsync).WithName("GetReadiness").WithSummary("200 when the dependencies answer, else 503.")
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    internal static async Task<Ok<SystemView>> GetSystemAsync(HttpContext http, IFormatCatalog formats, ILiveWorkers workers, JobsOptions options, StorageMode mode, CancellationToken cancellationToken)
    {
        var cpu = await workers.CountAsync(Pools.Cpu, cancellationToken);
        var gpu = await workers.CountAsync(Pools.Gpu, cancellationToken);
        var input = formats.InputKinds
            .Select(kind => new InputFormatView(FileKinds.NameOf(kind), [.. FileKinds.Extensions.Where(e => FileKinds.FromFileName("x" + e) == kind)]))
            .ToList();
        var output = Enum.GetValues<OutputFormat>().Select(OutputFormats.NameOf).ToList();
        var pools = new Dictionary<string, PoolView>
        {
            [Pools.Cpu] = new(cpu.Active > 0, cpu.Active),
            [Pools.Gpu] = new(gpu.Active > 0, gpu.Active),
        };
        var caller = http.GetCaller();
        var tier = UsageEndpoints.LimitsOf(caller, options);
        var limits = new LimitsView(tier.MaxFileSize, tier.MaxPages, (int)options.MaxLongPoll.TotalSeconds)
        {
            RequestsPerMinute = tier.RequestsPerMinute, DocumentsPerDay = tier.DocumentsPerDay,
            DocumentsPerMonth = tier.DocumentsPerMonth, ConcurrentJobs = tier.ConcurrentJobs,
        };
        return TypedResults.Ok(new SystemView(Version, mode.Name, new FormatsView(input, output, [.. formats.OcrLanguages]), pools, limits)
        {
            Tier = caller.Tier,
            OcrEngines = OcrEngineView.Of(formats),
        });
    }

    internal static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> GetHealthAsync(HealthProbe probe, CancellationToken cancellationToken)
    {
        var components = await probe.CheckAsync(cancellationToken);
        // Redis only wakes and counts: without it jobs still run (slower to start), so the service is degraded, not down.
        // A data folder short of room still serves what it holds: degraded too.
        var status = components.Database.Status == ComponentStatus.Unhealthy || components.Storage.Status == ComponentStatus.Unhealthy ? "unhealthy"
            : components.Workers.Active == 0 || components.Redis is { Status: not ComponentStatus.Healthy } || components.Storage.Status != ComponentStatus.Healthy ? "degraded"
            : "healthy";
        var view = new HealthView(status, Version, HealthProbe.UptimeSeconds, components);
        return status == "unhealthy" ? TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(view);
    }

    internal static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> GetReadyAsync(HealthProbe probe, CancellationToken cancellationToken)
    {
        var components = await probe.CheckAsync(cancellationToken);
        // Short of room is still ready: results and job reads keep working, and taking the only embedded server out of rotation would stop them too.
        var ready = components.Database.Status == ComponentStatus.Healthy && components.Storage.Status != ComponentStatus.Unhealthy;
        var view = new HealthView(ready ? "ready" : "unavailable", Version, HealthProbe.UptimeSeconds, components);
        return ready ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
