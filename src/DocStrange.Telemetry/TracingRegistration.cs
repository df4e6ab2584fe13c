using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DocStrange.Telemetry;

/// <summary>
/// Traces over OTLP, set up by the standard <c>OTEL_*</c> variables (or the same keys of any other
/// configuration source). Without an endpoint nothing is registered: no listener, so the service's
/// activity sources create no spans and nothing is exported.
/// </summary>
public static class TracingRegistration
{
    /// <summary>The activity sources of the service's own code (<c>DocStrange.Jobs</c>, <c>DocStrange.Worker</c>, …).</summary>
    public const string ServiceSources = "DocStrange.*";

    /// <summary>
    /// Exports the traces of the HTTP server, outgoing HTTP, PostgreSQL and the service's own spans to
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>), over
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c> by default, or <c>http/protobuf</c>), named by
    /// <c>OTEL_SERVICE_NAME</c> or else <paramref name="serviceName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDocStrangeTracing(this IHostApplicationBuilder builder, string serviceName)
    {
        if (!IsExportConfigured(builder.Configuration)) return builder;
        var named = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]);
        builder.Services.AddOpenTelemetry()
            // A name set in OTEL_SERVICE_NAME is read by the SDK itself; adding one here would override it.
            .ConfigureResource(resource =>
            {
                if (!named) resource.AddService(serviceName);
            })
            .WithTracing(tracing => tracing
                .AddSource(ServiceSources)
                // Npgsql traces its commands itself; the source only needs a listener.
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbeOrScrape(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return builder;
    }

    /// <summary>Whether an OTLP endpoint for traces is configured and the traces exporter is not turned off.</summary>
    public static bool IsExportConfigured(IConfiguration configuration) =>
        configuration["OTEL_TRACES_EXPORTER"] is not "none"
        && (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]));

    /// <summary>Health probes and metric scrapes come every few seconds and tell nothing about a request's path through the service.</summary>
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/api/v1/metrics") || path.StartsWithSegments("/api/v1/health");
}
