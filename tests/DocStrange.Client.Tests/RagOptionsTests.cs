using System.Text.Json;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class RagOptionsTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private static readonly string Text = string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Paragraph {i} says something short.")) + "\n";

    private async Task<string> ResultAsync(SubmitOptions options, bool batch = false)
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var jobId = batch
            ? (await client.SubmitBatchAsync([(TestFiles.Text(Text), "b.txt")], options)).Jobs.Single().JobId
            : (await client.SubmitAsync(TestFiles.Text(Text), "a.txt", options)).JobId;
        await client.WaitForCompletionAsync(jobId, TimeSpan.FromSeconds(30));
        return (await client.GetResultAsync(jobId)).Content;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Chunk_sizes_are_sent_for_one_file_or_a_batch(bool batch)
    {
        var content = await ResultAsync(new SubmitOptions { OutputFormats = ["chunks"], ChunkTokens = 24, ChunkOverlap = 4 }, batch);
        var chunks = JsonDocument.Parse(content).RootElement.EnumerateArray().ToArray();
        Assert.True(chunks.Length > 3);
        Assert.All(chunks, c => Assert.InRange(c.GetProperty("tokens").GetInt32(), 1, 24));
    }

    [Fact]
    public async Task Page_breaks_are_sent()
    {
        Assert.StartsWith("<!-- page 1 -->", await ResultAsync(new SubmitOptions { PageBreaks = true }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_image_mode_is_sent_for_one_file_or_a_batch(bool batch)
    {
        // A text file has no pictures: a mode the server refuses shows that the field arrived.
        var client = new DocStrangeClient(_factory.CreateClient());
        var options = new SubmitOptions { Images = "pictures" };
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => batch
            ? client.SubmitBatchAsync([(TestFiles.Text(Text), "b.txt")], options)
            : client.SubmitAsync(TestFiles.Text(Text), "a.txt", options));
        Assert.Equal("images", error.Details["field"].GetString());
        Assert.Equal("Paragraph 1 says something short.", (await ResultAsync(new SubmitOptions { Images = "files" }, batch)).Split('\n')[0]);
    }

    public void Dispose() => _factory.Dispose();
}
