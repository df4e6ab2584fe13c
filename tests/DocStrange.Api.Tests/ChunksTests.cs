using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class ChunksTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private static MultipartFormDataContent Note(params (string, string)[] fields) =>
        ApiClient.TextForm(string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"Paragraph {i} says something short.")) + "\n", fields);

    [Fact]
    public async Task The_chunks_output_is_a_json_array_sized_by_chunk_tokens()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(Note(("output_format", "chunks"), ("chunk_tokens", "32")));
        var chunks = JsonDocument.Parse(await client.CompletedContentAsync(job)).RootElement.EnumerateArray().ToArray();
        Assert.True(chunks.Length > 3);
        Assert.All(chunks, c => Assert.InRange(c.GetProperty("tokens").GetInt32(), 1, 32));
        Assert.StartsWith("Paragraph 1 says", chunks[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("chunk_tokens", "many")]
    [InlineData("chunk_tokens", "8")]
    [InlineData("chunk_tokens", "100000")]
    [InlineData("chunk_overlap", "-1")]
    [InlineData("chunk_overlap", "256")]
    public async Task A_bad_chunk_option_is_refused_naming_the_field(string name, string value)
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", Note(("output_format", "chunks"), (name, value)));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal(name, problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
