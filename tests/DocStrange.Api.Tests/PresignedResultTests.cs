using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary><c>DocStrange:S3:PresignResults</c>: a completed job's <c>result_url</c> points into the bucket.</summary>
public sealed class PresignedResultTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string> { ["DocStrange:S3:PresignResults"] = "true" });

    [Fact]
    public async Task A_completed_jobs_result_url_fetches_its_file_from_the_bucket_without_the_api()
    {
        var client = _factory.CreateClient();
        var submitted = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("Quarterly report\n\nRevenue grew.\n"));
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!;
        await client.WaitFinalAsync(jobId);

        var url = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}")).GetProperty("result_url").GetString();
        if (!TestBackend.Current.Distributed)
        {
            // No bucket in the embedded mode: the setting changes nothing.
            Assert.Equal($"/api/v1/jobs/{jobId}/result", url);
            return;
        }

        Assert.NotNull(url);
        Assert.Contains("X-Amz-Signature=", url);
        Assert.Contains($"{jobId}/result.md", url);
        using var outsider = new HttpClient();
        using var response = await outsider.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Quarterly report\n\nRevenue grew.\n", await response.Content.ReadAsStringAsync());

        // The job list keeps the API's own route: its entries are not signed one by one.
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Equal($"/api/v1/jobs/{jobId}/result", list.GetProperty("jobs")[0].GetProperty("result_url").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
