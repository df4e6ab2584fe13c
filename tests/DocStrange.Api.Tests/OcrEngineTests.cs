using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class OcrEngineTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Theory]
    [InlineData("paddle")]
    [InlineData("tesseract")]
    public async Task An_image_is_read_by_the_engine_the_submission_names(string engine)
    {
        var client = _factory.CreateClient();
        var image = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "phototest_transparent.png"));

        var job = await client.SubmitAsync(ApiClient.Form("scan.png", image, ("ocr_engine", engine)));

        Assert.Equal("completed", (await client.WaitFinalAsync(job)).GetProperty("status").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/result");
        Assert.Contains("The quick brown dog jumped over the lazy fox", result.GetProperty("content").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
