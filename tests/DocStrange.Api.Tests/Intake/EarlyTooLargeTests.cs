using System.Net;
using System.Net.Http.Headers;

namespace DocStrange.Api.Tests.Intake;

public sealed class EarlyTooLargeTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Jobs:MaxUploadBytes"] = "4096" });

    [Fact]
    public async Task A_declared_length_over_the_limit_is_answered_without_waiting_for_the_body()
    {
        // The test server's own client: the factory's default one buffers request bodies to replay redirects.
        var client = _factory.Server.CreateClient();
        using var never = new NeverEndingContent(10L * 1024 * 1024 * 1024);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await client.PostAsync("/api/v1/documents", never, cancel.Token);
        var problem = await ApiClient.ProblemAsync(response, 413, "FILE_TOO_LARGE");
        Assert.Equal(4096, problem.GetProperty("error").GetProperty("details").GetProperty("max_size").GetInt64());
        Assert.Equal(0, never.BytesSent);
    }

    /// <summary>A body that declares a length and never sends a byte of it.</summary>
    internal sealed class NeverEndingContent : HttpContent
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public NeverEndingContent(long declared)
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
            Headers.ContentLength = declared;
        }

        public long BytesSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) => await _released.Task;

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            _released.TrySetResult();
            base.Dispose(disposing);
        }
    }

    public void Dispose() => _factory.Dispose();
}
