using System.Text.Json.Nodes;

namespace DocStrange.Document.Fields;

/// <summary>
/// The fields found in a document: the object the caller asked for (names to values, arrays of objects for
/// line items) and, beside it, one finding per field and per array member saying where each value came from.
/// </summary>
public sealed record ExtractedFields
{
    /// <summary>The result object; a field not found is null.</summary>
    public required JsonObject Data { get; init; }

    /// <summary>The provenance of every field, in the order asked (array members after their array).</summary>
    public IReadOnlyList<FieldFinding> Findings { get; init; } = [];

    /// <summary>Where <see cref="Data"/> breaks the caller's schema; empty when it validates (or no schema was given).</summary>
    public IReadOnlyList<string> SchemaErrors { get; init; } = [];
}
