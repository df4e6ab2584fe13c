using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class SpeakerNotesTests : IDisposable
{
    private const string Note = "Some notes on the second slide.";
    private readonly ApiFactory _factory = new();

    private static MultipartFormDataContent Presentation(params (string, string)[] fields) =>
        ApiClient.Form("deck.pptx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "powerpoint_sample.pptx")), fields);

    [Fact]
    public async Task Speaker_notes_are_converted_only_with_include_notes_true()
    {
        var client = _factory.CreateClient();
        Assert.DoesNotContain(Note, await client.CompletedContentAsync(await client.SubmitAsync(Presentation())));
        Assert.DoesNotContain(Note, await client.CompletedContentAsync(await client.SubmitAsync(Presentation(("include_notes", "false")))));

        // The same file with notes asked for is another request: converted again, not served from the cache.
        var response = await client.PostAsync("/api/v1/documents", Presentation(("include_notes", "TRUE")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("cached").GetBoolean());
        Assert.Contains(Note, await client.CompletedContentAsync(body.GetProperty("job_id").GetString()!));
    }

    public void Dispose() => _factory.Dispose();
}
