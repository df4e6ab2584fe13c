using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests.Intake;

public sealed class ResumableUploadTests : IDisposable
{
    private readonly ApiFactory _factory = new(
        services: s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
        settings: new Dictionary<string, string>
        {
            // Smaller than the file: only the resumable route can take it in one piece.
            ["DocStrange:Jobs:MaxUploadBytes"] = "2048",
            ["DocStrange:Uploads:ChunkBytes"] = "4096",
            ["DocStrange:Uploads:MaxResumableBytes"] = "1000000",
        });

    private static byte[] Document(int paragraphs) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, paragraphs).Select(i => $"Paragraph number {i} of the long document.\n\n")));

    private static async Task<JsonElement> CreateAsync(HttpClient client, string fileName, long size)
    {
        var response = await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = fileName, size });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string uploadId, long offset, ReadOnlyMemory<byte> chunk)
    {
        var content = new ByteArrayContent(chunk.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{uploadId}") { Content = content };
        request.Headers.Add("Upload-Offset", offset.ToString());
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_file_sent_in_chunks_with_a_wrong_offset_on_the_way_completes_into_a_job_that_converts()
    {
        var client = _factory.CreateClient();
        var file = Document(300);
        Assert.True(file.Length > 3 * 4096);
        var upload = await CreateAsync(client, "long.txt", file.Length);
        var id = upload.GetProperty("upload_id").GetString()!;
        Assert.Equal(0, upload.GetProperty("offset").GetInt64());
        Assert.Equal(4096, upload.GetProperty("chunk_size").GetInt64());

        long offset = 0;
        var first = await PatchAsync(client, id, 0, file.AsMemory(0, 4096));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        offset = long.Parse(first.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal(4096, offset);

        // A chunk sent at the wrong offset (as after a lost answer) is refused with the server's offset ...
        var wrong = await PatchAsync(client, id, 0, file.AsMemory(0, 4096));
        var problem = await ApiClient.ProblemAsync(wrong, 409, "INVALID_REQUEST");
        Assert.Equal(4096, problem.GetProperty("error").GetProperty("details").GetProperty("offset").GetInt64());
        Assert.Equal("4096", wrong.Headers.GetValues("Upload-Offset").Single());

        // ... which GET and HEAD also tell, and the upload resumes from there.
        var state = await client.GetFromJsonAsync<JsonElement>($"/api/v1/uploads/{id}");
        Assert.Equal(4096, state.GetProperty("offset").GetInt64());
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/uploads/{id}"));
        Assert.Equal("4096", head.Headers.GetValues("Upload-Offset").Single());
        while (offset < file.Length)
        {
            var length = (int)Math.Min(3000, file.Length - offset);
            var response = await PatchAsync(client, id, offset, file.AsMemory((int)offset, length));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            offset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("offset").GetInt64();
        }

        var complete = await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", new { output_format = "text" });
        var body = await complete.Content.ReadAsStringAsync();
        Assert.True(complete.StatusCode == HttpStatusCode.Accepted, body);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!;
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(file.Length, job.GetProperty("file").GetProperty("size").GetInt64());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        Assert.Contains("Paragraph number 300 of the long document.", result.GetProperty("content").GetString());

        // The upload is gone once it became a job; its chunks with it.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/uploads/{id}")).StatusCode);
        Assert.DoesNotContain(_factory.StoredFiles(), f => f.StartsWith("uploads/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_callers_upload_is_not_found()
    {
        var owner = _factory.CreateClient();
        owner.DefaultRequestHeaders.Add("X-Test-Client", "203.0.113.1");
        var stranger = _factory.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Test-Client", "203.0.113.2");
        var id = (await CreateAsync(owner, "a.txt", 10)).GetProperty("upload_id").GetString()!;

        await ApiClient.ProblemAsync(await stranger.GetAsync($"/api/v1/uploads/{id}"), 404, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await PatchAsync(stranger, id, 0, Encoding.UTF8.GetBytes("0123456789")), 404, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", new { }), 404, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await stranger.DeleteAsync($"/api/v1/uploads/{id}"), 404, "INVALID_REQUEST");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/uploads/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_chunk_past_the_declared_size_or_over_the_chunk_limit_is_file_too_large()
    {
        var client = _factory.CreateClient();
        var id = (await CreateAsync(client, "a.txt", 10)).GetProperty("upload_id").GetString()!;
        await ApiClient.ProblemAsync(await PatchAsync(client, id, 0, Encoding.UTF8.GetBytes("01234567890")), 413, "FILE_TOO_LARGE");
        var id2 = (await CreateAsync(client, "b.txt", 100_000)).GetProperty("upload_id").GetString()!;
        await ApiClient.ProblemAsync(await PatchAsync(client, id2, 0, new byte[5000]), 413, "FILE_TOO_LARGE");
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/uploads/{id}")).GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task Completing_an_unfinished_upload_is_a_conflict_and_delete_aborts()
    {
        var client = _factory.CreateClient();
        var id = (await CreateAsync(client, "a.txt", 20)).GetProperty("upload_id").GetString()!;
        await PatchAsync(client, id, 0, Encoding.UTF8.GetBytes("0123456789"));
        var problem = await ApiClient.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", new { }), 409, "INVALID_REQUEST");
        Assert.Equal(10, problem.GetProperty("error").GetProperty("details").GetProperty("offset").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/uploads/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/uploads/{id}")).StatusCode);
        Assert.Empty(_factory.StoredFiles());
    }

    [Theory]
    [InlineData("setup.exe", 10, 415, "INVALID_FILE_TYPE")]
    [InlineData("a.txt", 0, 400, "FILE_EMPTY")]
    [InlineData("a.txt", 2_000_000, 413, "FILE_TOO_LARGE")]
    public async Task A_bad_upload_is_refused_at_creation(string fileName, long size, int status, string code)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/uploads", new { file_name = fileName, size });
        await ApiClient.ProblemAsync(response, status, code);
    }

    [Fact]
    public async Task Content_that_is_not_what_its_name_says_is_refused_at_completion()
    {
        var client = _factory.CreateClient();
        var bytes = Encoding.ASCII.GetBytes("not a pdf at all");
        var id = (await CreateAsync(client, "a.pdf", bytes.Length)).GetProperty("upload_id").GetString()!;
        await PatchAsync(client, id, 0, bytes);
        await ApiClient.ProblemAsync(await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", new { }), 415, "INVALID_FILE_TYPE");
    }

    public void Dispose() => _factory.Dispose();
}
