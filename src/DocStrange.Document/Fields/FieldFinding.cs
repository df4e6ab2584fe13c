using System.Text.Json.Nodes;
using DocStrange.Document.Model;

namespace DocStrange.Document.Fields;

/// <summary>
/// What was found for one field (or one member of an array item): the normalised value beside the raw text
/// it came from, how sure the match is, and where it stands. A field not found has a null value and a reason.
/// </summary>
public sealed record FieldFinding
{
    /// <summary>The field's path in the result, e.g. <c>total</c> or <c>line_items[2].amount</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The normalised value (a number, an ISO 8601 date, a boolean, text); null when not found.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>The text the value was read from, as the document has it.</summary>
    public string? Raw { get; init; }

    /// <summary>The ISO 4217 code of a currency amount, when the text names one.</summary>
    public string? Currency { get; init; }

    /// <summary>How sure the match is, in [0, 1]; 0 when not found.</summary>
    public double Confidence { get; init; }

    /// <summary>How the value was found; null when not found.</summary>
    public FieldSource? Source { get; init; }

    /// <summary>The label the value stood by, as the document writes it.</summary>
    public string? Label { get; init; }

    /// <summary>The 1-based page.</summary>
    public int? Page { get; init; }

    /// <summary>The box of the text the value was read from, when the format has geometry.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>The whole text (line, block or cell) the value was read from.</summary>
    public string? Text { get; init; }

    /// <summary>Why the value is null.</summary>
    public string? Reason { get; init; }
}
