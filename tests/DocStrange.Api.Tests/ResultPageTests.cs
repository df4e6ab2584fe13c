using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Tests;

/// <summary><c>GET /jobs/{id}/result?page=N</c>: one page of the result in any format, read from that page's own stored part.</summary>
public sealed class ResultPageTests : IDisposable
{
    private readonly ConcurrentQueue<string> _reads = new();
    private readonly ApiFactory _factory;

    public ResultPageTests() => _factory = new ApiFactory(services: ApiFactory.WrapBlobStore(inner => new Watched(inner, _reads)));

    private static byte[] MultiPagePdf() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf"));

    [Fact]
    public async Task A_page_in_json_holds_that_page_and_its_blocks_only()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf(), ("output_format", "markdown,json")));
        await client.WaitFinalAsync(job);
        var whole = JsonDocument.Parse((await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/result?format=json")).GetProperty("content").GetString()!).RootElement;
        _reads.Clear();

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/result?format=json&page=3");
        var model = JsonDocument.Parse(result.GetProperty("content").GetString()!).RootElement;

        Assert.Equal([3], model.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("number").GetInt32()));
        var blocks = model.GetProperty("blocks").EnumerateArray().ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.Equal(3, b.GetProperty("provenance").GetProperty("page").GetInt32()));
        var onPageThree = whole.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("provenance").GetProperty("page").GetInt32() == 3)
            .Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Equal(onPageThree, blocks.Select(b => b.GetProperty("text").GetString()));
        // Only the page's part was read, not the whole result.
        Assert.Equal([$"jobs/{job}/pages/3.json"], _reads);
    }

    [Fact]
    public async Task A_page_in_markdown_is_the_text_of_that_page_alone()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf(), ("page_breaks", "true")));
        var whole = await client.CompletedContentAsync(job);

        var page = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/result?page=2")).GetProperty("content").GetString()!;

        Assert.StartsWith("<!-- page 2 -->\n\n", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- page 1 -->", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- page 3 -->", page, StringComparison.Ordinal);
        var start = whole.IndexOf("<!-- page 2 -->", StringComparison.Ordinal);
        var end = whole.IndexOf("<!-- page 3 -->", StringComparison.Ordinal);
        Assert.Equal(whole[start..end].TrimEnd(), page.TrimEnd());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("6")]
    public async Task A_page_that_is_not_in_the_result_is_refused_naming_the_field(string page)
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("multi_page.pdf", MultiPagePdf()));
        await client.CompletedContentAsync(job);

        var problem = await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{job}/result?page={page}"), 400, "INVALID_REQUEST");
        Assert.Equal("page", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Notes which results are opened for reading.</summary>
    private sealed class Watched(IBlobStore inner, ConcurrentQueue<string> reads) : DelegatingBlobStore(inner)
    {
        public override Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            if (!key.EndsWith("/input", StringComparison.Ordinal)) reads.Enqueue(key);
            return base.OpenReadAsync(key, cancellationToken);
        }
    }
}
