using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class SystemTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task System_lists_formats_pools_and_limits()
    {
        var system = await new DocStrangeClient(_factory.CreateClient()).GetSystemAsync();

        Assert.False(string.IsNullOrEmpty(system.Version));
        Assert.Equal("embedded", system.Mode);
        Assert.Contains(system.Formats.Input, f => f.Type == "text" && f.Extensions.Contains(".txt"));
        Assert.Equal(["markdown", "json", "html", "csv", "text", "fields", "chunks"], system.Formats.Output);
        Assert.True(system.ProcessingModes["cpu"].Available);
        Assert.False(system.ProcessingModes["gpu"].Available);
        Assert.Equal(100L * 1024 * 1024, system.Limits.MaxFileSize);
        Assert.Equal(60, system.Limits.MaxWaitSeconds);
        // No GPU here: PaddleOCR runs on the CPU, saying why.
        Assert.Contains(system.OcrEngines, e => e is { Name: "tesseract", Available: true, ExecutionProvider: null });
        Assert.Contains(system.OcrEngines, e => e is { Name: "paddle", Available: true, ExecutionProvider: "cpu", Reason: not null });
    }

    [Fact]
    public async Task Health_reports_each_component()
    {
        var health = await new DocStrangeClient(_factory.CreateClient()).GetHealthAsync();

        Assert.Contains(health.Status, new[] { "healthy", "degraded" });
        Assert.False(string.IsNullOrEmpty(health.Version));
        Assert.Equal("healthy", health.Components.Database.Status);
        Assert.Equal("healthy", health.Components.Storage.Status);
        Assert.Null(health.Components.Database.Error);
        Assert.Equal(health.Components.Workers.Active, health.Components.Workers.Idle + health.Components.Workers.Busy);
        Assert.Contains(health.Components.OcrEngines, e => e is { Name: "paddle", ExecutionProvider: "cpu" });
    }

    [Fact]
    public void A_client_needs_a_base_address() =>
        Assert.Throws<ArgumentException>(() => new DocStrangeClient(new HttpClient()));

    public void Dispose() => _factory.Dispose();
}
