using DocStrange.Api.Http;
using DocStrange.Jobs;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DocStrange.Api.Security;

/// <summary>Registers and places the API's edge protections: forwarded headers, CORS, security headers and request limits.</summary>
public static class HardeningExtensions
{
    /// <summary>The CORS policy of the API.</summary>
    internal const string CorsPolicy = "DocStrange";

    /// <summary>Room over the upload limit for the multipart framing and the form's text fields.</summary>
    internal const long FramingAllowance = 1024 * 1024;

    /// <summary>The headers a browser may send cross-origin.</summary>
    internal static readonly string[] AllowedHeaders = ["Authorization", "X-API-Key", "Idempotency-Key", "Content-Type", RequestIdMiddleware.Header];

    /// <summary>The response headers a cross-origin script may read.</summary>
    internal static readonly string[] ExposedHeaders =
        [RequestIdMiddleware.Header, "Location", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

    /// <summary>Options, forwarded-header trust, the CORS policy and Kestrel's limits.</summary>
    public static IServiceCollection AddHttpHardening(this IServiceCollection services)
    {
        services.AddValidatedOptions<HardeningOptions>(HardeningOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HardeningOptions>>((forwarded, hardening) =>
        {
            var proxies = hardening.Value.ProxyAddresses();
            var networks = hardening.Value.ProxyNetworks();
            // With both lists empty the middleware would believe anyone: then nothing is forwarded at all.
            forwarded.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The older list still holds loopback by default and is still consulted.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var address in proxies) forwarded.KnownProxies.Add(address);
            foreach (var network in networks) forwarded.KnownIPNetworks.Add(network);
            // Walk back through every trusted hop (a load balancer before nginx); the first untrusted one is the client.
            forwarded.ForwardLimit = null;
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HardeningOptions>>((cors, hardening) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. hardening.Value.Cors.Origins()])
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders(AllowedHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<JobsOptions>>((kestrel, jobs) => ApplyLimits(kestrel.Limits, jobs.Value));
        return services;
    }

    /// <summary>Kestrel's limits, chosen rather than inherited.</summary>
    internal static void ApplyLimits(KestrelServerLimits limits, JobsOptions jobs)
    {
        // The largest request is an upload: the file limit plus its form. JSON routes lower it per request.
        limits.MaxRequestBodySize = jobs.MaxUploadBytes + FramingAllowance;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestHeaderCount = 64;
        limits.MaxRequestLineSize = 8 * 1024;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(130);
        // A slow upload is fine; a stalled one is not (Kestrel's default: 240 bytes/s after 5 s).
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// First in the pipeline: the real client address and scheme from a trusted proxy (everything after
    /// it, the caller's identity included, sees them), then the security headers and CORS.
    /// </summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>After the error boundary, so that a refusal is a problem response: a body framed two ways, the JSON body limit.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestFramingMiddleware>();
        app.UseMiddleware<JsonBodyLimitMiddleware>();
        return app;
    }
}
