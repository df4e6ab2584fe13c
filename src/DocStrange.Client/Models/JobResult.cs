namespace DocStrange.Client;

/// <summary>A completed job's result in one format, with the conversion's metadata (<c>GET /jobs/{id}/result</c>).</summary>
public sealed record JobResult
{
    /// <summary>The job's id.</summary>
    public string JobId { get; init; } = "";

    /// <summary>The format of <see cref="Content"/> (<c>markdown</c>, <c>json</c>, ...).</summary>
    public string Format { get; init; } = "";

    /// <summary>The converted document as text (for <c>json</c>, the JSON document as a string).</summary>
    public string Content { get; init; } = "";

    /// <summary>Facts about the conversion.</summary>
    public ResultMetadata Metadata { get; init; } = new();
}
