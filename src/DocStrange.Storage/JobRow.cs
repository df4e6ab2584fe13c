using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Storage;

/// <summary>A job as its table stores it (shared by the SQL adapters): times as Unix milliseconds, documents as JSON.</summary>
internal sealed class JobRow
{
    public string Id { get; set; } = "";
    public string State { get; set; } = "";
    public string? OwnerId { get; set; }
    public string Pool { get; set; } = "";
    public long Priority { get; set; }
    public string Options { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileKind { get; set; } = "";
    public long FileSize { get; set; }
    public string FileSha256 { get; set; } = "";
    public string InputKey { get; set; } = "";
    public long Attempts { get; set; }
    public long MaxRetries { get; set; }
    public string Progress { get; set; } = "";
    public string? LeaseOwner { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public long? NextAttemptAt { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }
    public string? Result { get; set; }
    public long? ResultExpiresAt { get; set; }
    public bool Purged { get; set; }
    public long CreatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public long Version { get; set; }
    public string? IdempotencyKey { get; set; }
    public string RequestHash { get; set; } = "";
    public string? TraceParent { get; set; }

    public Job ToJob() => new()
    {
        Id = Id,
        State = ParseState(State),
        OwnerId = OwnerId,
        Pool = Pool,
        Options = StorageJson.Read<JobOptions>(Options),
        Input = new JobInput(FileName, Enum.Parse<FileKind>(FileKind, ignoreCase: true), FileSize, FileSha256, InputKey),
        Attempts = (int)Attempts,
        MaxRetries = (int)MaxRetries,
        Progress = StorageJson.Read<JobProgress>(Progress),
        LeaseOwner = LeaseOwner,
        LeaseExpiresAt = Time(LeaseExpiresAt),
        NextAttemptAt = Time(NextAttemptAt),
        CancelRequested = CancelRequested,
        Error = StorageJson.ReadOrNull<JobError>(Error),
        Result = StorageJson.ReadOrNull<JobResult>(Result),
        ResultExpiresAt = Time(ResultExpiresAt),
        Purged = Purged,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        StartedAt = Time(StartedAt),
        CompletedAt = Time(CompletedAt),
        Version = Version,
        IdempotencyKey = IdempotencyKey,
        RequestHash = RequestHash,
        TraceParent = TraceParent,
    };

    /// <summary>The column parameters of a new job's insert.</summary>
    public static object InsertParameters(Job job) => new
    {
        id = job.Id,
        state = NameOf(job.State),
        owner_id = job.OwnerId,
        pool = job.Pool,
        priority = (long)job.Options.Priority,
        options = OptionsAtRest(job.Options, job.State),
        file_name = job.Input.FileName,
        file_kind = FileKinds.NameOf(job.Input.Kind),
        file_size = job.Input.Size,
        file_sha256 = job.Input.Sha256,
        input_key = job.Input.BlobKey,
        max_retries = (long)job.MaxRetries,
        progress = StorageJson.Write(job.Progress),
        created_at = job.CreatedAt.ToUnixTimeMilliseconds(),
        started_at = JobRow.Millis(job.StartedAt),
        completed_at = JobRow.Millis(job.CompletedAt),
        result = job.Result is null ? null : StorageJson.Write(job.Result),
        result_expires_at = JobRow.Millis(job.ResultExpiresAt),
        idempotency_key = job.IdempotencyKey,
        request_hash = job.RequestHash,
        trace_parent = job.TraceParent,
    };

    /// <summary>
    /// The options column of a job in <paramref name="state"/>. A final job is never converted again, so
    /// the PDF password it carried for that is not kept: a secret left in the row would outlive its use
    /// for as long as the record is retained (and in every backup of it).
    /// </summary>
    public static string OptionsAtRest(JobOptions options, JobState state) =>
        StorageJson.Write(JobStateMachine.IsFinal(state) ? options with { Password = null } : options);

    public static string NameOf(JobState state) => state.ToString().ToLowerInvariant();

    public static JobState ParseState(string name) => Enum.Parse<JobState>(name, ignoreCase: true);

    public static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(long? millis) => millis is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
