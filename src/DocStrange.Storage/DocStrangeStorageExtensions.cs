using BasicAWSCredentials = Amazon.Runtime.BasicAWSCredentials;
using Amazon.S3;
using DocStrange.Jobs;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using DocStrange.Jobs.Webhooks;
using DocStrange.Storage.FileSystem;
using DocStrange.Storage.InProcess;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Redis;
using DocStrange.Storage.S3;
using DocStrange.Storage.Sql;
using DocStrange.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DocStrange.Storage;

/// <summary>Registers the job core and the adapters of its ports for the configured mode.</summary>
public static class DocStrangeStorageExtensions
{
    /// <summary>The configuration key that picks the adapters: <c>embedded</c> or <c>distributed</c>.</summary>
    public const string ModeKey = "DocStrange:Mode";

    /// <summary>
    /// The job core with the adapters of <see cref="ModeKey"/>: <c>embedded</c> (default) — SQLite and
    /// a local folder under <see cref="StorageOptions.DataDirectory"/>, in-process signals;
    /// <c>distributed</c> — PostgreSQL, an S3 bucket and Redis.
    /// </summary>
    public static IHostApplicationBuilder AddDocStrangeJobs(this IHostApplicationBuilder builder, string defaultMode = StorageModes.Embedded)
    {
        var services = builder.Services;
        var mode = builder.Configuration[ModeKey] ?? defaultMode;
        services.AddSingleton(new StorageMode(mode));
        services.AddValidatedOptions<JobsOptions>(JobsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<JobLifecycle>();
        services.AddSingleton<IStorageFailureClassifier, StorageFailureClassifier>();

        switch (mode)
        {
            case StorageModes.Embedded:
                AddEmbedded(services);
                break;
            case StorageModes.Distributed:
                AddDistributed(services, builder.Configuration);
                break;
            default:
                throw new OptionsValidationException(ModeKey, typeof(StorageMode), [$"{ModeKey} must be 'embedded' or 'distributed', not '{mode}'."]);
        }
        AddJobStoreRoles(services);
        services.AddSingleton<SqlJobStore>(sp => (SqlJobStore)sp.GetRequiredService<IJobStore>());
        services.AddSingleton<SqlWorkerRegistry>();
        services.AddSingleton<IWorkerRegistry>(sp => sp.GetRequiredService<SqlWorkerRegistry>());
        services.AddSingleton<ILeaderElection, SqlLeaderElection>();
        services.AddSingleton<IWebhookOutbox, SqlWebhookOutbox>();
        services.AddSingleton<IApiKeyStore, SqlApiKeyStore>();
        services.AddSingleton<ApiKeyIssuer>();
        services.AddSingleton<IOwnerUsage, SqlOwnerUsage>();
        services.AddSingleton<SubmissionAdmission>();
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddHostedService<StorageMigrationService>();
        return builder;
    }

    /// <summary>Each role of the job store, answered by the one store of the mode, so every consumer shares its instance.</summary>
    private static void AddJobStoreRoles(IServiceCollection services)
    {
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobReader>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobMaintenance>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobStoreSchema>(sp => sp.GetRequiredService<IJobStore>());
        services.AddSingleton<IJobStoreHealth>(sp => sp.GetRequiredService<IJobStore>());
    }

    private static void AddEmbedded(IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            return new SqliteOptions { DatabasePath = storage.DatabasePath, IntegrityCheckInterval = storage.IntegrityCheckInterval };
        });
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton(sp => new FileSystemBlobStore(sp.GetRequiredService<StorageOptions>().BlobDirectory));
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<IBlobKeyListing>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddSingleton<IStorageSpace>(sp => new DataFolderSpace(sp.GetRequiredService<StorageOptions>().BlobDirectory, sp.GetRequiredService<StorageOptions>().MinFreeBytes));
        services.AddSingleton<IWorkSignal, InProcessWorkSignal>();
        services.AddSingleton<IJobChangeFeed, InProcessJobChangeFeed>();
        services.AddSingleton<IUsageCounters, InProcessUsageCounters>();
        services.AddSingleton<IResultCache, JobTableResultCache>();
    }

    private static void AddDistributed(IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PostgresOptions>(PostgresOptions.Section);
        services.AddSingleton(sp => PostgresDataSource.Create(sp.GetRequiredService<PostgresOptions>().ConnectionString));
        services.AddSingleton<IJobStore, PostgresJobStore>();

        services.AddValidatedOptions<S3Options>(S3Options.Section);
        services.AddSingleton<IAmazonS3>(sp => CreateS3Client(sp.GetRequiredService<S3Options>()));
        services.AddSingleton<S3BlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<S3BlobStore>());
        // Read here, not from the bound options: whether the capability exists decides whether it is registered at all.
        if (bool.TryParse(configuration[$"{S3Options.Section}:{nameof(S3Options.PresignResults)}"], out var presign) && presign)
        {
            services.AddSingleton<IBlobPresigner>(sp => sp.GetRequiredService<S3BlobStore>());
        }

        services.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IWorkSignal, RedisWorkSignal>();
        services.AddSingleton<IJobChangeFeed, RedisJobChangeFeed>();
        services.AddSingleton<ISignalHealth, RedisSignalHealth>();
        services.AddSingleton<IUsageCounters, RedisUsageCounters>();
        services.AddSingleton<IResultCache, RedisResultCache>();
        // Workers run in other processes: count them, and learn what they convert, by their heartbeats.
        services.AddSingleton<ILiveWorkers>(sp => sp.GetRequiredService<SqlWorkerRegistry>());
        services.AddSingleton<IFormatCatalog, LiveWorkerFormatCatalog>();
    }

    private static AmazonS3Client CreateS3Client(S3Options options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, AuthenticationRegion = options.Region };
        if (!string.IsNullOrEmpty(options.ServiceUrl)) config.ServiceURL = options.ServiceUrl;
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}

/// <summary>The names of the storage modes.</summary>
public static class StorageModes
{
    public const string Embedded = "embedded";
    public const string Distributed = "distributed";
}
