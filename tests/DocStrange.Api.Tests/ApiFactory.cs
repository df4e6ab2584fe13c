using DocStrange.Server;
using DocStrange.Api;
using DocStrange.Extraction;
using DocStrange.Jobs.Ports;
using DocStrange.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests;

/// <summary>
/// The service in a test host: the API with in-process workers (or without, to keep jobs pending),
/// over its own storage — a temporary data folder, or (see <see cref="TestBackend"/>) its own
/// PostgreSQL schema, bucket prefix and Redis prefix.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<ServerEntryPoint>
{
    private readonly bool _withWorkers;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly IReadOnlyDictionary<string, string> _backend;

    public ApiFactory(bool withWorkers = true, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _withWorkers = withWorkers;
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
        _backend = TestBackend.Current.IsolatedSettings(DataDirectory);
    }

    /// <summary>
    /// Starts a server with <paramref name="settings"/> and stops it again; a start that throws throws. When the
    /// application's start throws, the test host may look up a service on the provider the failed start already
    /// disposed and report that instead (a race inside WebApplicationFactory's deferred host): a fresh factory is
    /// tried again, up to three times, so the start's own exception is what the caller sees.
    /// </summary>
    public static void Start(IReadOnlyDictionary<string, string> settings, bool withWorkers = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new ApiFactory(withWorkers, settings: settings);
            try
            {
                factory.CreateClient();
                return;
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>The free tier's limits in tests: none of them reached by ordinary tests.</summary>
    public static IReadOnlyDictionary<string, string> GenerousLimits { get; } = new Dictionary<string, string>
    {
        ["DocStrange:Tiers:Free:RequestsPerMinute"] = "1000000",
        ["DocStrange:Tiers:Free:DocumentsPerDay"] = "1000000",
        ["DocStrange:Tiers:Free:ConcurrentJobs"] = "1000000",
        ["DocStrange:Tiers:Free:MaxFileBytes"] = "10000000000",
        ["DocStrange:Tiers:Free:MaxPages"] = "1000000",
    };

    /// <summary>The storage settings of this host (its database schema, Redis and bucket prefixes), to start a second replica on.</summary>
    public IReadOnlyDictionary<string, string> BackendSettings => _backend;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("docstrange-api-").FullName;

    /// <summary>Keys of the stored files (inputs and results), e.g. <c>jobs/&lt;id&gt;/result.md</c>.</summary>
    public IReadOnlyList<string> StoredFiles() => TestBackend.Current.StoredKeys(_backend);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _backend) builder.UseSetting(key, value);
        builder.UseSetting("DocStrange:Worker:ProgressInterval", "00:00:00.100");
        // Tests make many requests and jobs as one anonymous caller: lift the free tier's limits unless a test sets its own.
        foreach (var (key, value) in GenerousLimits) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            if (_withWorkers) s.AddDocStrangeWorker();
            _services?.Invoke(s);
        });
    }

    /// <summary>Puts a wrapper around the blob store the host would use (one that fails, or holds back, when the test says).</summary>
    public static Action<IServiceCollection> WrapBlobStore(Func<IBlobStore, IBlobStore> wrap) => s =>
    {
        // Both modes register the store by a factory; the last registration is the one the host uses.
        var original = s.Last(d => d.ServiceType == typeof(IBlobStore));
        s.Remove(original);
        s.AddSingleton(sp => wrap((IBlobStore)original.ImplementationFactory!(sp)));
    };

    /// <summary>Replaces the converter's readers (e.g. with a reader the test controls).</summary>
    public static Action<IServiceCollection> WithReaders(params IDocumentReader[] readers) =>
        s => s.AddSingleton(new DocumentConverter([.. BuiltInReaders.Create(), .. readers]));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteTemporaryFolder(DataDirectory);
    }

    /// <summary>
    /// Removes the test's folder. A file a stopping host closes late (the database journal) can make one
    /// attempt fail; the folder is temporary, so a few attempts are made before giving it up to the system.
    /// </summary>
    private static void DeleteTemporaryFolder(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
