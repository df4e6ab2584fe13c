using System.Text.Json;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocStrange.Api.Tests;

/// <summary>Progress on one scale: a scan is parsed page by page and then recognised page by page, and its percent never goes back.</summary>
public sealed class ScanProgressTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task The_events_of_a_scanned_pdf_show_progress_that_only_moves_forward()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("scan.pdf", ScannedPdf(pages: 3)));

        using var response = await client.GetAsync($"/api/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        var progress = new List<(string Status, string Stage, int Percent)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var job = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            var shown = job.GetProperty("progress");
            progress.Add((job.GetProperty("status").GetString()!, shown.GetProperty("stage").GetString()!, shown.GetProperty("percent").GetInt32()));
        }

        var trace = string.Join(" → ", progress.Select(p => $"{p.Stage} {p.Percent}"));
        Assert.Equal("completed", progress[^1].Status);
        Assert.Equal(100, progress[^1].Percent);
        Assert.Contains(progress, p => p.Stage == "ocr");
        for (var i = 1; i < progress.Count; i++) Assert.True(progress[i].Percent >= progress[i - 1].Percent, $"progress went back: {trace}");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A PDF of page images only (the same scanned page on each), so every page is recognised.</summary>
    private static byte[] ScannedPdf(int pages)
    {
        var image = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "phototest_transparent.png"));
        using var builder = new PdfDocumentBuilder();
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(image, new PdfRectangle(40, 300, 555, 800));
        }
        return builder.Build();
    }
}
