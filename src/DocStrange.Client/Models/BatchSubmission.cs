namespace DocStrange.Client;

/// <summary>The answer to a batch (<c>POST /documents/batch</c>): a job for each accepted file, an error for each refused one.</summary>
public sealed record BatchSubmission
{
    /// <summary>The files that became jobs.</summary>
    public IReadOnlyList<BatchJob> Jobs { get; init; } = [];

    /// <summary>The files that were refused, with the error an upload of each alone would have had.</summary>
    public IReadOnlyList<BatchFileError> Errors { get; init; } = [];
}

/// <summary>A file of a batch that became a job.</summary>
public sealed record BatchJob
{
    /// <summary>The file's place in the request, from 0.</summary>
    public int Index { get; init; }

    /// <summary>The file's name as sent.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The job's id.</summary>
    public string JobId { get; init; } = "";

    /// <summary>The job's state when it was made.</summary>
    public JobState Status { get; init; }

    /// <summary>Where to follow the job.</summary>
    public JobLinks Links { get; init; } = new();

    /// <summary>Whether it was completed at once from an identical earlier job's result.</summary>
    public bool Cached { get; init; }
}

/// <summary>A refused file of a batch.</summary>
public sealed record BatchFileError
{
    /// <summary>The file's place in the request, from 0.</summary>
    public int Index { get; init; }

    /// <summary>The file's name as sent.</summary>
    public string FileName { get; init; } = "";

    /// <summary>Why it was refused: <c>code</c> (see <see cref="ErrorCodes"/>), <c>message</c>, <c>details</c>.</summary>
    public BatchErrorDetail Error { get; init; } = new();
}

/// <summary>The error of a refused batch file.</summary>
public sealed record BatchErrorDetail
{
    /// <summary>The error code, e.g. <c>FILE_EMPTY</c>.</summary>
    public string Code { get; init; } = "";

    /// <summary>What went wrong, for people.</summary>
    public string Message { get; init; } = "";
}

/// <summary>The answer of <c>POST /documents/sync</c>: the result when the job finished in time, otherwise the job, still running.</summary>
public sealed record SyncOutcome(JobResult? Result, JobStatus? Job)
{
    /// <summary>Whether the result came back (otherwise follow <see cref="Job"/>).</summary>
    public bool Completed => Result is not null;
}

/// <summary>A resumable upload on the server (<c>/uploads/{id}</c>).</summary>
public sealed record UploadStatus
{
    /// <summary>The upload's id, to resume it later.</summary>
    public string UploadId { get; init; } = "";

    /// <summary>The whole file's size.</summary>
    public long Size { get; init; }

    /// <summary>The bytes the server has: where the next chunk starts.</summary>
    public long Offset { get; init; }

    /// <summary>The largest chunk the server takes.</summary>
    public long ChunkSize { get; init; }

    /// <summary>When the server drops the upload if it is not completed.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
