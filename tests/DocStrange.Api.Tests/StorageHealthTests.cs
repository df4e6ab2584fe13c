using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Jobs.Ports;
using DocStrange.Storage.Tests;

namespace DocStrange.Api.Tests;

/// <summary>
/// Storage that cannot take more, or whose database file is damaged, says so: uploads get a storage
/// error to retry later, <c>/health</c> and <c>/health/ready</c> name the cause.
/// </summary>
public sealed class StorageHealthTests
{
    [Fact]
    public async Task An_upload_to_a_full_disk_is_a_storage_error_to_retry_later_and_makes_no_job()
    {
        using var factory = new ApiFactory(services: ApiFactory.WrapBlobStore(inner => new FullDisk(inner)));
        var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm());

        var problem = await ApiClient.ProblemAsync(response, 503, "STORAGE_ERROR");
        Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("job_id").ValueKind);
        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Empty(jobs.GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    [Trait("Mode", "embedded-only")]
    public async Task Health_is_degraded_but_ready_when_the_data_folder_has_less_free_space_than_it_should_keep()
    {
        using var factory = new ApiFactory(settings: new Dictionary<string, string>
        {
            ["DocStrange:Storage:MinFreeBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var client = factory.CreateClient();

        var health = await client.GetAsync("/api/v1/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var storage = body.GetProperty("components").GetProperty("storage");
        Assert.Equal("degraded", storage.GetProperty("status").GetString());
        Assert.Contains("DocStrange:Storage:MinFreeBytes", storage.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
    }

    [Fact]
    [Trait("Mode", "embedded-only")]
    public async Task Readiness_fails_with_the_reason_once_the_database_file_is_damaged()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Storage:IntegrityCheckInterval"] = "00:00:00",
        });
        var client = factory.CreateClient();
        await client.SubmitAsync(ApiClient.TextForm());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready")).StatusCode);

        DatabaseDamage.JobsPage(Path.Combine(factory.DataDirectory, "docstrange.db"));

        var ready = await client.GetAsync("/api/v1/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        var database = body.GetProperty("components").GetProperty("database");
        Assert.Equal("unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("damaged", database.GetProperty("error").GetString());
    }

    /// <summary>A disk that fills up while an upload is written: some bytes go in, then ENOSPC.</summary>
    private sealed class FullDisk(IBlobStore inner) : DelegatingBlobStore(inner)
    {
        public override async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken)
        {
            await content.ReadExactlyAsync(new byte[16], cancellationToken);
            throw new IOException("No space left on device", 28);
        }
    }
}
