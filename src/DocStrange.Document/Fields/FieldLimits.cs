namespace DocStrange.Document.Fields;

/// <summary>How much a caller may ask for: enough for real forms, small enough that no request can hold a worker.</summary>
public static class FieldLimits
{
    /// <summary>The most names <c>extract_fields</c> takes.</summary>
    public const int MaxListedFields = 50;

    /// <summary>The largest schema text, in characters: the size of one form field.</summary>
    public const int MaxSchemaChars = 64 * 1024;

    /// <summary>The most properties a schema may declare, all levels together.</summary>
    public const int MaxSchemaProperties = 2000;

    /// <summary>The deepest nesting of objects and arrays in a schema.</summary>
    public const int MaxSchemaDepth = 8;
}
