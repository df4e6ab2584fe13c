using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class SpeakerNotesTests : IDisposable
{
    private const string Note = "Some notes on the second slide.";
    private readonly ApiFactory _factory = new();

    private static MultipartFormDataContent Presentation(params (string, string)[] fields) =>
        ApiClient.Form("deck.pptx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "powerpoint_sample.pptx")), fields);

    private static async Task<string> MarkdownAsync(HttpClient client, string jobId)
    {
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result")).GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task Speaker_notes_are_converted_only_with_include_notes_true()
    {
        var client = _factory.CreateClient();
        Assert.DoesNotContain(Note, await MarkdownAsync(client, await client.SubmitAsync(Presentation())));
        Assert.DoesNotContain(Note, await MarkdownAsync(client, await client.SubmitAsync(Presentation(("include_notes", "false")))));

        // The same file with notes asked for is another request: converted again, not served from the cache.
        var response = await client.PostAsync("/api/v1/documents", Presentation(("include_notes", "TRUE")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("cached").GetBoolean());
        Assert.Contains(Note, await MarkdownAsync(client, body.GetProperty("job_id").GetString()!));
    }

    public void Dispose() => _factory.Dispose();
}
