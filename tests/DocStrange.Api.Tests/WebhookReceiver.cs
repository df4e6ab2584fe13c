using System.Collections.Concurrent;
using System.Text.Json;
using DocStrange.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocStrange.Api.Tests;

/// <summary>
/// A webhook receiver on a loopback port: verifies every delivery's signature with the .NET client's
/// <see cref="WebhookSignature"/>, records what came, and answers 500 to the first <c>failFirst</c> requests.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_test_secret";

    private readonly WebApplication _app;
    private readonly int _failFirst;
    private int _requests;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failFirst = failFirst;
        app.MapPost("/hook", HandleAsync);
    }

    /// <summary>Every delivery received, in order (failed answers included).</summary>
    public ConcurrentQueue<Received> Deliveries { get; } = new();

    /// <summary>The URL to submit as <c>webhook_url</c>.</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    /// <summary>The settings that turn webhooks on for a test host, with quick retries.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["DocStrange:Webhooks:Secret"] = Secret,
        ["DocStrange:Webhooks:AllowPrivateTargets"] = "true",
        ["DocStrange:Webhooks:PollInterval"] = "00:00:00.050",
        ["DocStrange:Webhooks:BaseDelay"] = "00:00:00.050",
        ["DocStrange:Webhooks:MaxDelay"] = "00:00:00.200",
    };

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build(), failFirst);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Waits (bounded) until a delivery matching <paramref name="match"/> was answered 2xx.</summary>
    public async Task<Received> WaitForAcceptedAsync(Func<Received, bool> match, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Deliveries.FirstOrDefault(d => d.Accepted && match(d)) is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("No matching webhook delivery arrived.");
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var signature = request.Headers[WebhookSignature.HeaderName].ToString();
        var accepted = Interlocked.Increment(ref _requests) > _failFirst;
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Deliveries.Enqueue(new Received(json, body, request.Headers["DocStrange-Event-Id"].ToString(),
            WebhookSignature.Verify(Secret, signature, body), request.ContentType ?? "", accepted));
        return accepted ? Results.Ok() : Results.StatusCode(500);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request the receiver got.</summary>
    public sealed record Received(JsonElement Json, string Body, string EventIdHeader, bool SignatureValid, string ContentType, bool Accepted)
    {
        public string Event => Json.GetProperty("event").GetString()!;
        public string EventId => Json.GetProperty("event_id").GetString()!;
        public string JobId => Json.GetProperty("job_id").GetString()!;
    }
}
