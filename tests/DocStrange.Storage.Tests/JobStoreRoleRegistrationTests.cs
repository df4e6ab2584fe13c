using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DocStrange.Storage.Tests;

/// <summary>Every role of the job store is the mode's one store: a consumer of one role sees what a consumer of another wrote.</summary>
public sealed class JobStoreRoleRegistrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-roles-").FullName;

    [Theory]
    [InlineData("embedded")]
    [InlineData("distributed")]
    public void Each_role_resolves_to_the_one_job_store(string mode)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocStrange:Mode"] = mode,
            ["DocStrange:Storage:DataDirectory"] = _dir,
            // Never connected to: the data source opens connections only when used.
            ["DocStrange:Postgres:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=none",
        });
        builder.AddDocStrangeJobs();
        using var services = builder.Services.BuildServiceProvider();

        var store = services.GetRequiredService<IJobStore>();
        Assert.Same(store, services.GetRequiredService<IJobQueue>());
        Assert.Same(store, services.GetRequiredService<IJobReader>());
        Assert.Same(store, services.GetRequiredService<IJobMaintenance>());
        Assert.Same(store, services.GetRequiredService<IJobStoreSchema>());
        Assert.Same(store, services.GetRequiredService<IJobStoreHealth>());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
