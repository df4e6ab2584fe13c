using DocStrange.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace DocStrange.Api.Metrics;

/// <summary>Registers and maps the Prometheus endpoint and the HTTP request metrics.</summary>
public static class MetricsExtensions
{
    /// <summary>The host's registry (shared with in-process workers) and the API's own metrics.</summary>
    public static IServiceCollection AddDocStrangeMetrics(this IServiceCollection services)
    {
        services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        // The host's own registry rather than prometheus-net's static one, so two hosts in a process never mix counts.
        services.TryAddSingleton(_ =>
        {
            var registry = Prometheus.Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<SubmissionMetrics>();
        services.AddSingleton<JobTableMetrics>();
        services.AddSingleton<DependencyMetrics>();
        return services;
    }

    /// <summary>HTTP request metrics by route template (never the raw path) and <c>/metrics</c>, <c>/api/v1/metrics</c>, unless switched off.</summary>
    public static WebApplication MapDocStrangeMetrics(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<MetricsOptions>().Enabled) return app;
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        _ = app.Services.GetRequiredService<DependencyMetrics>();
        _ = app.Services.GetRequiredService<JobTableMetrics>();
        app.UseMiddleware<HttpMetricsMiddleware>();
        app.MapMetrics("/metrics", registry);
        app.MapMetrics("/api/v1/metrics", registry);
        return app;
    }
}
