using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests.Intake;

/// <summary>
/// A spent document quota closes the resumable route as it closes <c>POST /documents</c>: no new upload
/// and no more chunks, with the same <c>QUOTA_EXCEEDED</c> and <c>Retry-After</c>, and nothing stored.
/// </summary>
public sealed class ResumableQuotaTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();
    private readonly ApiFactory _factory;

    public ResumableQuotaTests() => _factory = LimitedHost.Create(_clock, new Dictionary<string, string> { ["DocumentsPerDay"] = "1" });

    [Fact]
    public async Task Creating_an_upload_once_the_day_is_spent_is_refused_like_a_submission_and_stores_nothing()
    {
        var client = _factory.CreateClient();
        await client.SubmitAsync(ApiClient.TextForm("the day's one document\n"));
        var submission = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("one too many\n"));
        await ApiClient.ProblemAsync(submission, 429, "QUOTA_EXCEEDED");
        var stored = _factory.StoredFiles();

        var refused = await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = "big.txt", size = 100_000 });

        var problem = await ApiClient.ProblemAsync(refused, 429, "QUOTA_EXCEEDED");
        Assert.Equal(RateLimitTests.Header(submission, "Retry-After"), RateLimitTests.Header(refused, "Retry-After"));
        Assert.Equal("day", problem.GetProperty("error").GetProperty("details").GetProperty("period").GetString());
        Assert.Equal(stored, _factory.StoredFiles());
    }

    [Fact]
    public async Task An_upload_made_before_the_day_was_spent_takes_no_more_chunks_after()
    {
        var client = _factory.CreateClient();
        var upload = await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = "big.txt", size = 100_000 });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("upload_id").GetString()!;
        await client.SubmitAsync(ApiClient.TextForm("the day's one document\n"));
        var stored = _factory.StoredFiles();

        var chunk = new ByteArrayContent(new byte[1000]);
        chunk.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{id}") { Content = chunk };
        request.Headers.Add("Upload-Offset", "0");
        var refused = await client.SendAsync(request);

        await ApiClient.ProblemAsync(refused, 429, "QUOTA_EXCEEDED");
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(stored, _factory.StoredFiles());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/uploads/{id}")).GetProperty("offset").GetInt64());
    }

    public void Dispose() => _factory.Dispose();
}
