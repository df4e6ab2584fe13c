using System.ComponentModel.DataAnnotations;

namespace DocStrange.Document.Conversion;

/// <summary>
/// The optional LLM engine for fields (<c>DocStrange:Llm:*</c>): any server that speaks the OpenAI chat-completions
/// protocol (vLLM, Ollama, OpenAI). Off unless both <see cref="BaseUrl"/> and <see cref="Model"/> are set.
/// </summary>
public sealed record LlmOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Llm";

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:8000/v1</c> (vLLM) or <c>https://api.openai.com/v1</c>.</summary>
    [Url]
    public string? BaseUrl { get; init; }

    /// <summary>The model the server serves.</summary>
    public string? Model { get; init; }

    /// <summary>The bearer token the server wants; servers without keys (vLLM, Ollama) take any.</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long one attempt may take, in seconds.</summary>
    [Range(0.1, 3600)]
    public double TimeoutSeconds { get; init; } = 60;

    /// <summary>How many attempts are made before the fields are left null.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second attempt, in seconds; it doubles for each further one.</summary>
    [Range(0, 60)]
    public double RetryDelaySeconds { get; init; } = 1;

    /// <summary>The most characters of the document's Markdown that are sent; the rest is cut off.</summary>
    [Range(1000, 10_000_000)]
    public int MaxDocumentChars { get; init; } = 100_000;

    /// <summary>Whether an LLM is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(Model);
}
