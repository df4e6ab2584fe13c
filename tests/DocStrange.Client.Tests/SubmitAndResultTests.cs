using System.Text;
using System.Text.Json;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class SubmitAndResultTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private DocStrangeClient Client() => new(_factory.CreateClient());

    [Fact]
    public async Task Include_notes_asks_for_a_presentation_s_speaker_notes()
    {
        var client = Client();
        async Task<string> MarkdownAsync(bool? includeNotes)
        {
            var submitted = await client.SubmitFileAsync(TestFiles.PresentationPath, new SubmitOptions { IncludeNotes = includeNotes });
            await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));
            return (await client.GetResultAsync(submitted.JobId)).Content;
        }

        Assert.DoesNotContain("Final notes on the third slide.", await MarkdownAsync(null));
        Assert.DoesNotContain("Final notes on the third slide.", await MarkdownAsync(false));
        Assert.Contains("Final notes on the third slide.", await MarkdownAsync(true));
    }

    [Fact]
    public async Task Fields_are_asked_for_by_list_or_by_schema_for_one_file_or_a_batch()
    {
        var client = Client();
        const string text = "Invoice No.: INV-5\n\nTotal: 12.50\n";
        async Task<JsonElement> DataAsync(string jobId)
        {
            await client.WaitForCompletionAsync(jobId, TimeSpan.FromSeconds(30));
            return JsonDocument.Parse((await client.GetResultAsync(jobId)).Content).RootElement.GetProperty("data");
        }

        var listed = await client.SubmitAsync(TestFiles.Text(text), "a.txt", new SubmitOptions { ExtractFields = ["invoice_number", "total:number"], OutputFormats = ["fields"] });
        Assert.Equal("INV-5", (await DataAsync(listed.JobId)).GetProperty("invoice_number").GetString());

        var schema = new SubmitOptions { JsonSchema = """{"type":"object","properties":{"total":{"type":"number"}}}""", OutputFormats = ["fields"] };
        var batch = await client.SubmitBatchAsync([(TestFiles.Text(text), "b.txt")], schema);
        Assert.Equal(12.50m, (await DataAsync(batch.Jobs.Single().JobId)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Submit_wait_result_and_download()
    {
        var client = Client();
        const string text = "Quarterly report\n\nRevenue grew.\n";

        var submitted = await client.SubmitAsync(TestFiles.Text(text), "report.txt");
        Assert.StartsWith("job_", submitted.JobId);
        Assert.Equal(JobState.Pending, submitted.Status);
        Assert.True(submitted.EstimatedTimeMs > 0);
        Assert.Equal(TimeSpan.Zero, submitted.CreatedAt.Offset);
        Assert.Equal($"/api/v1/jobs/{submitted.JobId}/result", submitted.Links.Result);

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Completed, job.Status);
        Assert.True(job.IsFinal);
        Assert.Equal(100, job.Progress.Percent);
        Assert.Equal("done", job.Progress.Stage);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(submitted.CreatedAt, job.CreatedAt);
        Assert.NotNull(job.StartedAt);
        Assert.NotNull(job.CompletedAt);
        Assert.Null(job.QueuePosition);
        Assert.Equal(["markdown"], job.Formats);
        Assert.Equal($"/api/v1/jobs/{job.JobId}/result", job.ResultUrl);
        Assert.Null(job.Error);
        Assert.Equal(new JobFile { Name = "report.txt", Type = "text", Size = Encoding.UTF8.GetByteCount(text) }, job.File);
        Assert.False(job.CancelRequested);

        var result = await client.GetResultAsync(job.JobId);
        Assert.Equal(job.JobId, result.JobId);
        Assert.Equal("markdown", result.Format);
        Assert.Equal(text, result.Content);
        Assert.Equal("report.txt", result.Metadata.FileName);
        Assert.Equal("text", result.Metadata.FileType);
        Assert.Equal(job.File.Size, result.Metadata.FileSize);
        Assert.Equal(1, result.Metadata.PagesProcessed);
        Assert.Equal(1, result.Metadata.PageCount);
        Assert.Empty(result.Metadata.Warnings);

        using var destination = new MemoryStream();
        var file = await client.DownloadAsync(job.JobId, null, destination);
        Assert.Equal(text, Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal("report.txt.md", file.FileName);
        Assert.Equal("text/markdown", file.ContentType);
        Assert.Equal(destination.Length, file.Length);
    }

    [Fact]
    public async Task Several_formats_are_produced_and_fetched_by_name()
    {
        var client = Client();
        var options = new SubmitOptions { OutputFormats = ["json", "text", "html"], Priority = "express" };
        var submitted = await client.SubmitAsync(TestFiles.Text("Alpha\n\nBeta\n"), "note.txt", options);

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(30));
        Assert.Equal(JobState.Completed, job.Status);
        Assert.Equal(["json", "text", "html"], job.Formats);

        var first = await client.GetResultAsync(job.JobId);
        Assert.Equal("json", first.Format);
        var model = JsonDocument.Parse(first.Content).RootElement;
        Assert.Equal(["Alpha", "Beta"], model.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()));

        Assert.Equal("Alpha\n\nBeta\n", (await client.GetResultAsync(job.JobId, "text")).Content);

        using var html = new MemoryStream();
        var file = await client.DownloadAsync(job.JobId, "html", html);
        Assert.Equal("text/html", file.ContentType);
        Assert.Equal("note.txt.html", file.FileName);
        Assert.Contains("<p", Encoding.UTF8.GetString(html.ToArray()));

        var missing = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.GetResultAsync(job.JobId, "csv"));
        Assert.Equal(ErrorCodes.InvalidRequest, missing.Code);
        Assert.Equal(job.JobId, missing.JobId);
        Assert.Equal("format", missing.Details["field"].GetString());
        Assert.Equal(["json", "text", "html"], missing.Details["available"].EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_file_is_submitted_from_its_path_with_page_selection()
    {
        var client = Client();
        var submitted = await client.SubmitFileAsync(TestFiles.MultiPagePdfPath, new SubmitOptions { Pages = "2-3", Ocr = "never" });

        var job = await client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(60));
        Assert.Equal(JobState.Completed, job.Status);
        Assert.Equal("multi_page.pdf", job.File.Name);
        Assert.Equal("pdf", job.File.Type);
        Assert.Equal(new FileInfo(TestFiles.MultiPagePdfPath).Length, job.File.Size);

        var result = await client.GetResultAsync(job.JobId);
        Assert.Equal(2, result.Metadata.PagesProcessed);
        Assert.Equal(5, result.Metadata.PageCount);
    }

    [Fact]
    public async Task The_callers_stream_is_left_open()
    {
        var content = TestFiles.Text("Still mine\n");
        await Client().SubmitAsync(content, "mine.txt");
        Assert.True(content.CanRead);
    }

    public void Dispose() => _factory.Dispose();
}
