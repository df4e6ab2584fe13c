using DocStrange.Jobs;
using DocStrange.Extraction;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Webhooks;
using DocStrange.Worker.Webhooks;
using DocStrange.Worker.Metrics;
using DocStrange.Worker.Conversion;
using DocStrange.Worker.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DocStrange.Worker;

/// <summary>Registers the in-process workers.</summary>
public static class DocStrangeWorkerExtensions
{
    /// <summary>Adds the job runner, the maintenance leadership, the lease rescuer, the janitor, the webhook dispatcher and the converter with every built-in reader.</summary>
    public static IHostApplicationBuilder AddDocStrangeWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDocStrangeWorker();
        return builder;
    }

    /// <summary>Adds the job runner, the lease rescuer and the converter to a service collection (for hosts built without a host builder).</summary>
    public static IServiceCollection AddDocStrangeWorker(this IServiceCollection services)
    {
        services.AddValidatedOptions<WorkerOptions>(WorkerOptions.Section);
        services.AddValidatedOptions<PaddleOptions>(PaddleOptions.Section);
        services.AddSingleton(sp => DocumentConverter.CreateDefault(new ReaderSettings { Paddle = sp.GetRequiredService<PaddleOptions>().ToEngineOptions() }));
        services.AddSingleton<IFormatCatalog>(sp => new ConverterFormatCatalog(sp.GetRequiredService<DocumentConverter>(), sp.GetRequiredService<PaddleOptions>()));
        services.AddDocStrangeConversion();
        services.TryAddSingleton(_ => MetricsRegistry.Create());
        services.AddSingleton<WorkerMetrics>();
        services.AddHostedService<WorkerMetricsServer>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<LocalWorkerSlots>();
        services.AddSingleton<OwnerRunningCap>();
        services.AddSingleton<ILiveWorkers>(sp => sp.GetRequiredService<LocalWorkerSlots>());
        // The host must wait for a drain to end before it gives up on the workers.
        services.AddOptions<HostOptions>().Configure<WorkerOptions>((host, worker) =>
            host.ShutdownTimeout = worker.DrainTimeout + TimeSpan.FromSeconds(15));
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddHostedService<WorkerHeartbeatService>();
        // Before the maintenance services: they ask it whether this process leads.
        services.AddSingleton<MaintenanceLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<MaintenanceLeadership>());
        services.AddSingleton<LeaseRescuer>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaseRescuer>());
        services.AddSingleton<Janitor>();
        services.AddHostedService(sp => sp.GetRequiredService<Janitor>());
        services.AddSingleton<WebhookPayload>();
        services.AddSingleton(sp => new WebhookSender(WebhookHttpClient.Create(sp.GetRequiredService<WebhookOptions>()),
            sp.GetRequiredService<WebhookOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    /// <summary>
    /// Adds where jobs are converted (<see cref="IJobConversion"/>): in a sandbox child when one can be
    /// started (<see cref="SandboxOptions"/>, <see cref="SandboxCommand"/>), else in this process.
    /// </summary>
    public static IServiceCollection AddDocStrangeConversion(this IServiceCollection services)
    {
        services.AddValidatedOptions<SandboxOptions>(SandboxOptions.Section);
        services.AddLlmOptions();
        services.AddSingleton<IJobConversion>(JobConversions.Create);
        return services;
    }
}
