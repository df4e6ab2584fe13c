namespace DocStrange.Client;

/// <summary>A job's progress: a percentage, pages and the current stage.</summary>
public sealed record JobProgress
{
    /// <summary>0 while pending, 100 when completed, in between while processing.</summary>
    public int Percent { get; init; }

    /// <summary>Pages converted so far.</summary>
    public int PagesDone { get; init; }

    /// <summary>Pages to convert, when known.</summary>
    public int? PagesTotal { get; init; }

    /// <summary>The stage: <c>queued</c>, <c>downloading</c>, <c>parsing</c>, <c>exporting</c>, <c>uploading</c>, <c>done</c>, ...</summary>
    public string Stage { get; init; } = "";
}
