using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DocStrange.Extraction.Tests.Fields;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol, standing in for vLLM, Ollama
/// or OpenAI (no model can run in the tests): it records each request (path, Authorization header, JSON body)
/// and answers with the replies queued, in order; with none left it answers 500.
/// </summary>
internal sealed class ChatCompletionsStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly Task _serving;

    public ChatCompletionsStandIn()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>What a client configures as the server's base URL.</summary>
    public string BaseUrl { get; }

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>A completion whose message is <paramref name="content"/>.</summary>
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
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await body.ReadToEndAsync();
        Requests.Enqueue(new Received(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], JsonNode.Parse(text)!.AsObject()));
        var reply = _replies.TryDequeue(out var next) ? next : new Reply(500, null, default);
        try
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            var answer = reply.Content is null
                ? new JsonObject { ["error"] = new JsonObject { ["message"] = "stand-in failure", ["type"] = "server_error" } }
                : Completion(reply.Content);
            var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (its timeout); nobody reads this answer.
        }
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record Reply(int Status, string? Content, TimeSpan Delay);

    /// <summary>One request as the stand-in received it.</summary>
    public sealed record Received(string Path, string? Authorization, JsonObject Body)
    {
        /// <summary>The text of every message, one after another.</summary>
        public string Messages => string.Join("\n", Body["messages"]!.AsArray().Select(m => m!["content"]?.ToString()));
    }
}
