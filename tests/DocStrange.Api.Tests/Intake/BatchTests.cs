using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests.Intake;

public sealed class BatchTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["DocStrange:Jobs:MaxUploadBytes"] = "4096",
        ["DocStrange:Batch:MaxFiles"] = "4",
    });

    private static MultipartFormDataContent Batch(IEnumerable<(string Name, byte[] Content)> files, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    [Fact]
    public async Task Good_files_become_jobs_and_bad_ones_errors_each_naming_its_file()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/batch", Batch(
        [
            ("one.txt", Encoding.UTF8.GetBytes("First document.\n")),
            ("empty.txt", []),
            ("fake.pdf", Encoding.ASCII.GetBytes("not a pdf")),
            ("huge.txt", Encoding.UTF8.GetBytes(new string('x', 10_000))),
        ], ("output_format", "text")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var batch = JsonDocument.Parse(body).RootElement;

        var job = Assert.Single(batch.GetProperty("jobs").EnumerateArray());
        Assert.Equal("one.txt", job.GetProperty("file_name").GetString());
        Assert.Equal(0, job.GetProperty("index").GetInt32());
        var errors = batch.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("file_name").GetString()!, e => e.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["empty.txt"] = "FILE_EMPTY", ["fake.pdf"] = "INVALID_FILE_TYPE", ["huge.txt"] = "FILE_TOO_LARGE" }, errors);

        var jobId = job.GetProperty("job_id").GetString()!;
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        Assert.Equal("text", result.GetProperty("format").GetString());
        Assert.Contains("First document.", result.GetProperty("content").GetString());
        // Only the accepted file was kept.
        Assert.All(_factory.StoredFiles(), f => Assert.StartsWith($"jobs/{jobId}/", f));
    }

    [Fact]
    public async Task More_files_than_allowed_is_invalid_request_and_nothing_is_kept()
    {
        var client = _factory.CreateClient();
        var files = Enumerable.Range(1, 5).Select(i => ($"f{i}.txt", Encoding.UTF8.GetBytes($"file {i}\n")));
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents/batch", Batch(files)), 400, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
        Assert.Contains("\"jobs\":[]", await client.GetStringAsync("/api/v1/jobs"));
    }

    [Fact]
    public async Task A_bad_shared_option_refuses_the_whole_batch_and_nothing_is_kept()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents/batch", Batch([("a.txt", Encoding.UTF8.GetBytes("a\n")), ("b.txt", Encoding.UTF8.GetBytes("b\n"))], ("ocr", "sometimes")));
        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task A_batch_without_files_is_invalid_request()
    {
        var form = new MultipartFormDataContent { { new StringContent("markdown"), "output_format" } };
        await ApiClient.ProblemAsync(await _factory.CreateClient().PostAsync("/api/v1/documents/batch", form), 400, "INVALID_REQUEST");
    }

    public void Dispose() => _factory.Dispose();
}
