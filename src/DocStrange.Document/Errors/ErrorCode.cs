namespace DocStrange.Document.Errors;

/// <summary>
/// The fixed set of error codes DocStrange reports (SPEC §2). On the wire each is written in upper
/// snake case (<c>FILE_TOO_LARGE</c>); see <see cref="ErrorCatalog"/> for titles and HTTP statuses.
/// </summary>
public enum ErrorCode
{
    InvalidRequest,
    InvalidFileType,
    FileTooLarge,
    FileEmpty,
    UnreadableDocument,
    EncryptedDocument,
    TooManyPages,
    InvalidApiKey,
    JobNotFound,
    ResultNotReady,
    ResultExpired,
    RateLimitExceeded,
    QuotaExceeded,
    ConcurrencyLimitExceeded,
    IdempotencyConflict,
    UrlNotAllowed,
    UrlFetchFailed,
    ProcessingError,
    OcrFailed,
    GpuUnavailable,
    StorageError,
    WorkerTimeout,
    JobCancelled,
    ServiceUnavailable,
    InternalError,
    ResourceLimit,
}
