using System.Text.Json.Nodes;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>A value read from a stretch of text: the normalised value, and where in the text it stood (so the raw text is kept).</summary>
internal sealed record TypedValue(JsonNode? Value, int Start, int Length, string Raw)
{
    /// <summary>The ISO 4217 code of an amount whose text names its currency.</summary>
    public string? Currency { get; init; }

    /// <summary>How well the text fits the type, in [0, 1]: 1 for an unambiguous reading.</summary>
    public double Fit { get; init; } = 1;
}
