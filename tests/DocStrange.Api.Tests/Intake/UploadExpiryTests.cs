using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Api.Intake;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Api.Tests.Intake;

public sealed class UploadExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ApiFactory _factory;

    public UploadExpiryTests() => _factory = new ApiFactory(withWorkers: false, services: s => s.AddSingleton<TimeProvider>(_clock),
        settings: new Dictionary<string, string>
        {
            ["DocStrange:Uploads:Lifetime"] = "01:00:00",
            // The host's own sweep must not run while the clock is moved: the test runs the sweep itself.
            ["DocStrange:Uploads:JanitorInterval"] = "1.00:00:00",
        });

    private async Task<string> StartUploadAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = "a.txt", size = 100 });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("upload_id").GetString()!;
    }

    [Fact]
    public async Task An_expired_upload_is_not_found_and_deleted()
    {
        var client = _factory.CreateClient();
        var id = await StartUploadAsync(client);
        _clock.Advance(TimeSpan.FromHours(2));
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/uploads/{id}"), 404, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    [Trait("Mode", "embedded-only")]
    public async Task The_sweep_deletes_expired_uploads_of_the_folder_store_and_keeps_live_ones()
    {
        var client = _factory.CreateClient();
        var stale = await StartUploadAsync(client);
        _clock.Advance(TimeSpan.FromMinutes(50));
        var live = await StartUploadAsync(client);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var janitor = _factory.Services.GetServices<IHostedService>().OfType<UploadJanitor>().Single();
        var listing = _factory.Services.GetRequiredService<IBlobKeyListing>();
        Assert.Equal(1, await janitor.SweepAsync(listing, CancellationToken.None));
        Assert.All(_factory.StoredFiles(), f => Assert.StartsWith($"uploads/{live}/", f));
        Assert.DoesNotContain(_factory.StoredFiles(), f => f.Contains(stale, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/uploads/{live}")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
