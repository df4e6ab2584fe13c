using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class PdfJobTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private static byte[] MultiPagePdf() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));

    [Fact]
    public async Task A_born_digital_pdf_becomes_markdown_with_its_text()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf()));
        var job = await client.WaitFinalAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(5, job.GetProperty("progress").GetProperty("pages_total").GetInt32());

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        var markdown = result.GetProperty("content").GetString()!;
        Assert.Contains("The Evolution of the Word Processor", markdown);
        Assert.Contains("## ", markdown);
        Assert.Equal(5, result.GetProperty("metadata").GetProperty("pages_processed").GetInt32());
    }

    [Fact]
    public async Task Pages_limits_the_conversion()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf(), ("pages", "2"), ("output_format", "json")));
        await client.WaitFinalAsync(jobId);
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result");
        var model = JsonDocument.Parse(result.GetProperty("content").GetString()!).RootElement;
        Assert.All(model.GetProperty("blocks").EnumerateArray(), b => Assert.Equal(2, b.GetProperty("provenance").GetProperty("page").GetInt32()));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task A_broken_pdf_fails_its_job_with_unreadable_document_and_the_worker_goes_on(string kind)
    {
        var client = _factory.CreateClient();
        var bytes = kind == "garbage"
            ? Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('#', 5000))
            : MultiPagePdf()[..2000];
        var broken = await client.SubmitAsync(ApiClient.Form("broken.pdf", bytes));
        var failed = await client.WaitFinalAsync(broken);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("UNREADABLE_DOCUMENT", failed.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());

        var good = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf()));
        Assert.Equal("completed", (await client.WaitFinalAsync(good)).GetProperty("status").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
