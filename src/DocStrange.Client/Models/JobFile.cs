namespace DocStrange.Client;

/// <summary>The file a job was submitted with.</summary>
public sealed record JobFile
{
    /// <summary>Its name (last path segment of what the client sent).</summary>
    public string Name { get; init; } = "";

    /// <summary>Its type as the server detected it (<c>text</c>, <c>pdf</c>, ...).</summary>
    public string Type { get; init; } = "";

    /// <summary>Its size in bytes.</summary>
    public long Size { get; init; }
}
