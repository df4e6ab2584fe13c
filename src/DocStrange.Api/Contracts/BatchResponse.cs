namespace DocStrange.Api.Contracts;

/// <summary>The answer to a batch: a job for each accepted file, an error for each refused one, both naming the file.</summary>
public sealed record BatchResponse(IReadOnlyList<BatchJob> Jobs, IReadOnlyList<BatchError> Errors);

/// <summary>A file of a batch that became a job (its place in the request, counted from 0, and its name).</summary>
public sealed record BatchJob(int Index, string FileName, string JobId, Jobs.Model.JobState Status, long EstimatedTimeMs, DateTimeOffset CreatedAt,
    JobLinks Links, bool Cached);

/// <summary>A file of a batch that was refused, with the error an upload of it alone would have had.</summary>
public sealed record BatchError(int Index, string FileName, ApiError Error);
