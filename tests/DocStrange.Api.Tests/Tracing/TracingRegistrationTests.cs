using DocStrange.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace DocStrange.Api.Tests.Tracing;

/// <summary>Tracing is on only where an OTLP endpoint is configured; otherwise nothing listens and nothing is exported.</summary>
public sealed class TracingRegistrationTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://collector:4317", null, true)]
    [InlineData("http://collector:4317", "none", false)]
    public void A_tracer_provider_exists_only_with_an_endpoint_and_the_exporter_not_off(string? endpoint, string? exporter, bool expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_TRACES_EXPORTER"] = exporter,
        });
        builder.AddDocStrangeTracing("docstrange-test");
        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetService<TracerProvider>() is not null);
    }
}
