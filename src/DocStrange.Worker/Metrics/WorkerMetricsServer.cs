using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DocStrange.Worker.Metrics;

/// <summary>
/// Serves <c>/metrics</c> on <see cref="WorkerOptions.MetricsPort"/> when one is set: a standalone worker
/// has no HTTP server of its own for Prometheus to scrape. Nothing runs when the port is unset.
/// </summary>
internal sealed class WorkerMetricsServer(WorkerOptions options, CollectorRegistry registry, ILogger<WorkerMetricsServer> logger) : IHostedService
{
    private MetricServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MetricsPort is not { } port) return Task.CompletedTask;
        _server = new MetricServer(port, registry: registry);
        _server.Start();
        logger.LogInformation("Serving metrics on port {Port} at /metrics", port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) await _server.StopAsync();
    }
}
