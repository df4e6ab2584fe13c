using DocStrange.Jobs.Model;

namespace DocStrange.Api.Contracts;

/// <summary>The answer to a submission: the job's id and where to follow it.</summary>
public sealed record SubmitResponse(string JobId, JobState Status, long EstimatedTimeMs, DateTimeOffset CreatedAt, JobLinks Links)
{
    /// <summary>Whether the job was completed at once from an identical earlier job's result.</summary>
    public bool Cached { get; init; }
}
