using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DocStrange.Extraction.Tests.Fields;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that speaks the OpenAI chat-completions protocol,
/// standing in for vLLM, Ollama or OpenAI, since no model can run in the tests: it records each request (path,
/// Authorization header, JSON body) and answers with the replies queued, in order; with none left it answers 500.
/// </summary>
internal sealed class ChatCompletionsStandIn : IDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();

    public ChatCompletionsStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(AnswerAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.Single() + "/v1";
    }

    /// <summary>What a client configures as the server's base URL.</summary>
    public string BaseUrl { get; }

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>A completion whose message is <paramref name="content"/>, after <paramref name="delay"/>.</summary>
    public ChatCompletionsStandIn Answer(string content, TimeSpan delay = default)
    {
        _replies.Enqueue(new Reply(200, content, delay));
        return this;
    }

    /// <summary>An HTTP error.</summary>
    public ChatCompletionsStandIn Fail(int status)
    {
        _replies.Enqueue(new Reply(status, null, default));
        return this;
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new Received(context.Request.Path.Value ?? "", authorization.Length > 0 ? authorization : null, body!.AsObject()));
        var reply = _replies.TryDequeue(out var next) ? next : new Reply(500, null, default);
        try
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // The client gave up (its timeout); nobody reads this answer.
        }
        var answer = reply.Content is null
            ? new JsonObject { ["error"] = new JsonObject { ["message"] = "stand-in failure", ["type"] = "server_error" } }
            : Completion(reply.Content);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static JsonObject Completion(string content) => new()
    {
        ["id"] = "chatcmpl-standin",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "stand-in-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    };

    private sealed record Reply(int Status, string? Content, TimeSpan Delay);

    /// <summary>One request as the stand-in received it.</summary>
    public sealed record Received(string Path, string? Authorization, JsonObject Body)
    {
        /// <summary>The text of every message, one after another.</summary>
        public string Messages => string.Join("\n", Body["messages"]!.AsArray().Select(m => m!["content"]?.ToString()));
    }
}
