namespace DocStrange.Client;

/// <summary>One page of jobs, newest first (<c>GET /jobs</c>).</summary>
public sealed record JobList
{
    /// <summary>The jobs on this page.</summary>
    public IReadOnlyList<JobStatus> Jobs { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>Whether another page exists.</summary>
    public bool HasMore { get; init; }
}
