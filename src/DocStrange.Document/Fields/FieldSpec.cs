namespace DocStrange.Document.Fields;

/// <summary>
/// One field to find: its name (the key in the result), its type, and what the caller said of it
/// (a schema's <c>title</c>, <c>description</c>, <c>examples</c>, <c>enum</c>) which helps to match labels.
/// An object has <see cref="Properties"/>; an array of objects has the properties of one item.
/// </summary>
public sealed record FieldSpec(string Name, FieldType Type)
{
    /// <summary>A schema's <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>A schema's <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>A schema's <c>examples</c>, as text.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>A schema's <c>enum</c>, as text; empty when any value goes.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The members of an object, or of each item of an array.</summary>
    public IReadOnlyList<FieldSpec> Properties { get; init; } = [];
}
