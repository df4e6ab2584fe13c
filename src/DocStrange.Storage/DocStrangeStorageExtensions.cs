using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using DocStrange.Storage.FileSystem;
using DocStrange.Storage.InProcess;
using DocStrange.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DocStrange.Storage;

/// <summary>Registers the job core and the adapters of its ports.</summary>
public static class DocStrangeStorageExtensions
{
    /// <summary>
    /// The job core with the embedded adapters: a SQLite job store and a local-folder blob store
    /// under <see cref="StorageOptions.DataDirectory"/> (migrated at start), and in-process signals.
    /// </summary>
    public static IHostApplicationBuilder AddDocStrangeJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<JobLifecycle>();

        services.AddSingleton(sp => new SqliteOptions { DatabasePath = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath });
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<IBlobStore>(sp => new FileSystemBlobStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.BlobDirectory));
        services.AddSingleton<IWorkSignal, InProcessWorkSignal>();
        services.AddSingleton<IJobChangeFeed, InProcessJobChangeFeed>();
        services.AddHostedService<StorageMigrationService>();
        return builder;
    }
}
