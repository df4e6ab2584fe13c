using System.Net.Http.Headers;
using System.Text;

namespace DocStrange.Api.Tests;

public sealed class UploadValidationTests : IDisposable
{
    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string> { ["DocStrange:Jobs:MaxUploadBytes"] = "4096" });

    [Fact]
    public async Task A_file_over_the_limit_is_file_too_large_and_nothing_is_kept()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(new string('x', 10_000)));
        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        Assert.Equal(4096, problem.GetProperty("error").GetProperty("details").GetProperty("max_size").GetInt64());
        Assert.Empty(_factory.StoredFiles());
        Assert.Contains("\"jobs\":[]", await client.GetStringAsync("/api/v1/jobs"));
    }

    [Fact]
    public async Task A_body_declared_far_over_the_limit_is_refused_before_it_is_read()
    {
        var client = _factory.CreateClient();
        var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        var response = await client.PostAsync("/api/v1/documents", content);
        await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
    }

    [Fact]
    public async Task A_binary_renamed_pdf_is_invalid_file_type()
    {
        var client = _factory.CreateClient();
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0];
        var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("report.pdf", elf));
        await ApiClient.ProblemAsync(response, 415, "INVALID_FILE_TYPE");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task A_binary_renamed_txt_is_invalid_file_type()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("notes.txt", [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]));
        await ApiClient.ProblemAsync(response, 415, "INVALID_FILE_TYPE");
    }

    [Fact]
    public async Task An_extension_off_the_allow_list_is_invalid_file_type()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("setup.exe", Encoding.ASCII.GetBytes("MZ...")));
        var problem = await ApiClient.ProblemAsync(response, 415, "INVALID_FILE_TYPE");
        Assert.Contains(".pdf", problem.GetProperty("error").GetProperty("details").GetProperty("allowed_extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task An_empty_file_is_file_empty()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("empty.txt", []));
        await ApiClient.ProblemAsync(response, 400, "FILE_EMPTY");
    }

    [Theory]
    [InlineData("output_format", "docx")]
    [InlineData("pages", "3-1")]
    [InlineData("ocr", "sometimes")]
    [InlineData("priority", "urgent")]
    [InlineData("languages", "../../etc")]
    [InlineData("output_formats", "json")]
    [InlineData("include_notes", "yes")]
    [InlineData("table_spans", "twice")]
    [InlineData("ocr_engine", "easyocr")]
    [InlineData("webhook_url", "https://example.com/hook")]
    public async Task A_bad_or_unknown_field_is_invalid_request_naming_it(string field, string value)
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: (field, value)));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal(field, problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task Gpu_mode_without_a_gpu_worker_is_gpu_unavailable()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("processing_mode", "gpu")));
        await ApiClient.ProblemAsync(response, 503, "GPU_UNAVAILABLE");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task A_request_without_a_file_part_is_invalid_request()
    {
        var client = _factory.CreateClient();
        var form = new MultipartFormDataContent { { new StringContent("markdown"), "output_format" } };
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/documents", form), 400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_invalid_request()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json"));
        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_reduced_to_its_last_segment()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("../../etc/evil.txt", Encoding.UTF8.GetBytes("text")));
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("evil.txt", job.GetProperty("file").GetProperty("name").GetString());
        Assert.All(_factory.StoredFiles(), f => Assert.StartsWith($"jobs/{jobId}/", f));
    }

    public void Dispose() => _factory.Dispose();
}
