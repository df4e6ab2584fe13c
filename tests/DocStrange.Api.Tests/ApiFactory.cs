using DocStrange.Api;
using DocStrange.Extraction;
using DocStrange.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests;

/// <summary>
/// The embedded service in a test host: the API with in-process workers (or without, to keep jobs
/// pending), over its own temporary data folder.
/// </summary>
public sealed class ApiFactory(bool withWorkers = true, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<ApiEntryPoint>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("docstrange-api-").FullName;

    /// <summary>Files stored under the data folder (inputs and results).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(Path.Combine(DataDirectory, "files"))
            ? [.. Directory.EnumerateFiles(Path.Combine(DataDirectory, "files"), "*", SearchOption.AllDirectories)]
            : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DocStrange:Storage:DataDirectory", DataDirectory);
        builder.UseSetting("DocStrange:Worker:ProgressInterval", "00:00:00.100");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            if (withWorkers) s.AddDocStrangeWorker();
            services?.Invoke(s);
        });
    }

    /// <summary>Replaces the converter's readers (e.g. with a reader the test controls).</summary>
    public static Action<IServiceCollection> WithReaders(params IDocumentReader[] readers) =>
        s => s.AddSingleton(new DocumentConverter([.. BuiltInReaders.Create(), .. readers]));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
