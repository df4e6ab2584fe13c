using System.Text.Json.Nodes;

namespace DocStrange.Extraction.Fields.Llm;

/// <summary>What the LLM is given: the document as Markdown and the JSON Schema of the object to fill.</summary>
public sealed record LlmQuestion(string Markdown, string Schema);

/// <summary>What came back: the object, checked against the schema; or null with why.</summary>
public sealed record LlmAnswer(JsonObject? Data, string? Failure)
{
    /// <summary>The answer of a call that failed for <paramref name="reason"/>.</summary>
    public static LlmAnswer Failed(string reason) => new(null, reason);
}

/// <summary>Asks an LLM to fill a schema from a document; never throws for the server's failures, which come back as <see cref="LlmAnswer.Failure"/>.</summary>
public interface ILlmFieldSource
{
    /// <summary>The object the LLM fills for <paramref name="question"/>.</summary>
    Task<LlmAnswer> AskAsync(LlmQuestion question, CancellationToken cancellationToken);
}
