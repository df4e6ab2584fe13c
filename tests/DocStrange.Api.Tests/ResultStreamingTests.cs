using System.Net;
using System.Text;
using System.Text.Json;
using DocStrange.Api.Contracts;
using DocStrange.Document.Export;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocStrange.Api.Tests;

/// <summary>
/// <c>/result</c> of a large result: byte for byte what serialising the whole <see cref="ResultView"/>
/// would write, the same text as <c>/download</c>, and written while the stored result is read, never
/// held whole (a result read whole fails past 166 MB and costs memory in proportion to its size).
/// </summary>
public sealed class ResultStreamingTests
{
    /// <summary>About 4.5 MB of UTF-8: many chunks of the copy into the JSON string.</summary>
    private const int LargeChars = 4 * 1024 * 1024;

    [Fact]
    public async Task A_result_of_several_megabytes_is_the_download_in_the_usual_envelope()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var jobId = await CompletedJobAsync(client);
        var text = LargeText();
        await StoreResultAsync(factory, jobId, text);

        var body = await client.GetStringAsync($"/api/v1/jobs/{jobId}/result");
        var download = await client.GetStringAsync($"/api/v1/jobs/{jobId}/download");

        Assert.True(download == text, "the download is not the stored text");
        var result = JsonDocument.Parse(body).RootElement;
        Assert.True(result.GetProperty("content").GetString() == download, "the result's content is not the download");
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var metadata = result.GetProperty("metadata").Deserialize<ResultMetadata>(options)!;
        var whole = JsonSerializer.Serialize(new ResultView(jobId, "markdown", text, metadata), options);
        Assert.True(whole == body, $"the body differs from the serialised record from character {FirstDifference(whole, body)}");
    }

    [Fact]
    public async Task The_answer_flows_while_the_stored_result_is_still_being_read()
    {
        var store = new HoldingResultStore();
        using var factory = new ApiFactory(services: ApiFactory.WrapBlobStore(store.Around));
        var client = factory.CreateClient();
        var jobId = await CompletedJobAsync(client);
        var text = LargeText();
        await StoreResultAsync(factory, jobId, text);
        store.HoldNextResultAfter(1024 * 1024);
        try
        {
            using var response = await client.GetAsync($"/api/v1/jobs/{jobId}/result", HttpCompletionOption.ResponseHeadersRead)
                .WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStreamAsync();

            // Half a megabyte of the answer arrives while the store still holds back all but its first megabyte.
            var head = new byte[512 * 1024];
            await body.ReadExactlyAsync(head).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith($"{{\"job_id\":\"{jobId}\",\"format\":\"markdown\",\"content\":\"", Encoding.UTF8.GetString(head));

            store.Held!.Release();
            var whole = new MemoryStream();
            whole.Write(head);
            await body.CopyToAsync(whole);
            var result = JsonDocument.Parse(whole.ToArray()).RootElement;
            Assert.True(result.GetProperty("content").GetString() == text, "the streamed content is not the stored text");
        }
        finally
        {
            // Without this a route that waits for the whole result would hold the host's shutdown.
            store.Held?.Release();
        }
    }

    private static async Task<string> CompletedJobAsync(HttpClient client)
    {
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        return jobId;
    }

    /// <summary>Puts <paramref name="text"/> in place of the job's Markdown result, as a worker would have stored a large one.</summary>
    private static async Task StoreResultAsync(ApiFactory factory, string jobId, string text) =>
        await factory.Services.GetRequiredService<IBlobStore>()
            .PutAsync(BlobKeys.Result(jobId, OutputFormat.Markdown), new MemoryStream(Encoding.UTF8.GetBytes(text)), default);

    /// <summary>
    /// Text with everything JSON escapes or the encoder guards (quotes, backslash, control characters,
    /// HTML-sensitive and non-ASCII characters, emoji), repeated with an odd period so some emoji's
    /// surrogate pair falls across the end of a chunk.
    /// </summary>
    private static string LargeText()
    {
        const string piece = "Line \"quoted\" \\ tab\t<b>&amp;</b> 'é' 中文 😀 \u0001\u001f\u2028 ends\r\n";
        Assert.True(piece.Length % 2 == 1);
        var builder = new StringBuilder(LargeChars + piece.Length);
        while (builder.Length < LargeChars) builder.Append(piece);
        return builder.ToString();
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>The real store, except that the next Markdown result opened is held back after a number of bytes.</summary>
    private sealed class HoldingResultStore
    {
        private long? _holdAfter;

        /// <summary>The held result, once the route has opened it.</summary>
        public HeldBackStream? Held { get; private set; }

        public IBlobStore Around(IBlobStore inner) => new Holding(inner, this);

        public void HoldNextResultAfter(long bytes) => _holdAfter = bytes;

        private sealed class Holding(IBlobStore inner, HoldingResultStore owner) : DelegatingBlobStore(inner)
        {
            public override async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
            {
                var stream = await base.OpenReadAsync(key, cancellationToken);
                if (stream is null || !key.EndsWith("/result.md", StringComparison.Ordinal) || owner._holdAfter is not { } after) return stream;
                owner._holdAfter = null;
                return owner.Held = new HeldBackStream(stream, after);
            }
        }
    }
}
