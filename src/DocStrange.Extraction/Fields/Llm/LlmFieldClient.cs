using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocStrange.Document.Conversion;
using Microsoft.Extensions.AI;
using OpenAI;

namespace DocStrange.Extraction.Fields.Llm;

/// <summary>
/// Asks an OpenAI-compatible chat-completions server (through <c>Microsoft.Extensions.AI</c>) to fill a schema:
/// the Markdown and the schema go in, a JSON object comes out and is checked against the schema. Each attempt
/// has <see cref="LlmOptions.TimeoutSeconds"/>; a server error (5xx, 429), a timeout, an answer that is not a
/// JSON object or breaks the schema is tried again after a growing wait, up to <see cref="LlmOptions.MaxAttempts"/>.
/// Every failure comes back as a reason, never as an exception, so the conversion never fails for it.
/// </summary>
public sealed class LlmFieldClient : ILlmFieldSource
{
    private const string Instructions =
        "You read documents and fill in a JSON object. Answer with one JSON object only, which matches the JSON Schema the user gives. " +
        "Take every value from the document as it states it; a value the document does not give is null, never a guess. " +
        "Numbers are JSON numbers without currency symbols or thousands separators; dates are ISO 8601 (2024-03-14).";

    private readonly IChatClient _chat;
    private readonly LlmOptions _options;

    /// <summary>A client over <paramref name="chat"/>, which names its model itself.</summary>
    public LlmFieldClient(IChatClient chat, LlmOptions options)
    {
        _chat = chat;
        _options = options;
    }

    /// <summary>A client of the server <paramref name="options"/> names; null when none is configured.</summary>
    public static LlmFieldClient? Create(LlmOptions options, HttpClient? http = null)
    {
        if (!options.IsConfigured) return null;
        var settings = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl!),
            // The attempts and their timeouts are this class's: the SDK's own retries would multiply them.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) + TimeSpan.FromSeconds(5),
        };
        if (http is not null) settings.Transport = new HttpClientPipelineTransport(http);
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey);
        var chat = new OpenAI.Chat.ChatClient(options.Model!, credential, settings).AsIChatClient();
        return new LlmFieldClient(chat, options);
    }

    public async Task<LlmAnswer> AskAsync(LlmQuestion question, CancellationToken cancellationToken)
    {
        var markdown = question.Markdown.Length > _options.MaxDocumentChars ? question.Markdown[.._options.MaxDocumentChars] : question.Markdown;
        using var schema = JsonDocument.Parse(question.Schema);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, Instructions),
            new(ChatRole.User, $"JSON Schema of the object to fill:\n{question.Schema}\n\nThe document, as Markdown:\n\n{markdown}"),
        ];
        var chatOptions = new ChatOptions
        {
            ModelId = _options.Model,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "fields", "The fields read from the document"),
        };
        var attempts = Math.Max(1, _options.MaxAttempts);
        var failure = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(TimeSpan.FromSeconds(_options.RetryDelaySeconds * Math.Pow(2, attempt - 2)), cancellationToken);
            var (answer, retry) = await AttemptAsync(messages, chatOptions, question.Schema, cancellationToken);
            if (answer.Data is not null || !retry) return answer;
            failure = answer.Failure!;
        }
        return LlmAnswer.Failed(string.Create(CultureInfo.InvariantCulture, $"the LLM gave no usable answer in {attempts} attempt(s); the last: {failure}"));
    }

    private async Task<(LlmAnswer Answer, bool Retry)> AttemptAsync(List<ChatMessage> messages, ChatOptions chatOptions, string schema, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        string text;
        try
        {
            text = (await _chat.GetResponseAsync(messages, chatOptions, timeout.Token)).Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (LlmAnswer.Failed(string.Create(CultureInfo.InvariantCulture, $"the LLM did not answer within {_options.TimeoutSeconds:0.##} s")), true);
        }
        catch (ClientResultException ex)
        {
            var transient = ex.Status is 0 or 408 or 429 or >= 500;
            return (LlmAnswer.Failed(ex.Status == 0 ? $"the LLM server could not be reached: {ex.Message}" : $"the LLM server answered HTTP {ex.Status}"), transient);
        }
        catch (HttpRequestException ex)
        {
            return (LlmAnswer.Failed($"the LLM server could not be reached: {ex.Message}"), true);
        }

        JsonObject? data;
        try
        {
            data = JsonNode.Parse(Unfenced(text)) as JsonObject;
        }
        catch (JsonException)
        {
            data = null;
        }
        if (data is null) return (LlmAnswer.Failed("the LLM's answer is not a JSON object"), true);
        var errors = LlmSchema.Errors(schema, data);
        if (errors.Count > 0) return (LlmAnswer.Failed($"the LLM's answer breaks the schema: {string.Join("; ", errors.Take(3))}"), true);
        return (new LlmAnswer(data, null), false);
    }

    /// <summary>The JSON of an answer some servers still wrap in a Markdown code fence.</summary>
    private static string Unfenced(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal)) return trimmed;
        var start = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end] : trimmed;
    }
}
