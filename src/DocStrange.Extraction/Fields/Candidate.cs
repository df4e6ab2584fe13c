using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>A value that may be a field's: what was read, the text it was read from, how it was found and how good a match it is.</summary>
internal sealed record Candidate(int Field, TypedValue Value, TextUnit Unit, double Score, FieldSource Source)
{
    /// <summary>The label as the document writes it; null for a value found by its pattern alone.</summary>
    public string? Label { get; init; }
}
