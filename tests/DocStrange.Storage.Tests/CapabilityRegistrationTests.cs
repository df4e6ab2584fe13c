using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DocStrange.Storage.Tests;

/// <summary>The optional capabilities of the blob stores are registered exactly where the adapter offers them.</summary>
public sealed class CapabilityRegistrationTests
{
    private static IServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddDocStrangeJobs();
        return builder.Services;
    }

    private static bool Has<T>(IServiceCollection services) => services.Any(d => d.ServiceType == typeof(T));

    [Fact]
    public void The_folder_store_lists_its_keys_and_signs_no_links()
    {
        var services = Services();
        Assert.True(Has<IBlobKeyListing>(services));
        Assert.False(Has<IBlobPresigner>(services));
    }

    [Fact]
    public void The_bucket_lists_nothing_and_signs_links_only_when_asked()
    {
        var plain = Services(("DocStrange:Mode", "distributed"));
        Assert.False(Has<IBlobKeyListing>(plain));
        Assert.False(Has<IBlobPresigner>(plain));
        Assert.True(Has<IBlobPresigner>(Services(("DocStrange:Mode", "distributed"), ("DocStrange:S3:PresignResults", "true"))));
    }
}
