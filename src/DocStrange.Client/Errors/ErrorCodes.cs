namespace DocStrange.Client;

/// <summary>
/// The error codes of the API (SPEC §2; docs/errors.md), to compare with
/// <see cref="DocStrangeApiException.Code"/>, <see cref="JobError.Code"/> and warning codes; plus
/// <see cref="UnexpectedResponse"/>, which only this client produces.
/// </summary>
public static class ErrorCodes
{
    /// <summary>400: the request is malformed or a value is wrong.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>415: the file type is not accepted, or its content disagrees with its extension.</summary>
    public const string InvalidFileType = "INVALID_FILE_TYPE";

    /// <summary>413: the upload is over the size limit.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>400: the file has no bytes.</summary>
    public const string FileEmpty = "FILE_EMPTY";

    /// <summary>422: the document is damaged or not what it claims.</summary>
    public const string UnreadableDocument = "UNREADABLE_DOCUMENT";

    /// <summary>422: a password is needed, or the one given is wrong.</summary>
    public const string EncryptedDocument = "ENCRYPTED_DOCUMENT";

    /// <summary>422: more pages than allowed.</summary>
    public const string TooManyPages = "TOO_MANY_PAGES";

    /// <summary>401: the API key is unknown, revoked or expired.</summary>
    public const string InvalidApiKey = "INVALID_API_KEY";

    /// <summary>404: no job has this id.</summary>
    public const string JobNotFound = "JOB_NOT_FOUND";

    /// <summary>409: the job is still pending or processing.</summary>
    public const string ResultNotReady = "RESULT_NOT_READY";

    /// <summary>410: the result was deleted or passed its retention.</summary>
    public const string ResultExpired = "RESULT_EXPIRED";

    /// <summary>429: too many requests in the current window.</summary>
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    /// <summary>429: the day's or month's documents are used up.</summary>
    public const string QuotaExceeded = "QUOTA_EXCEEDED";

    /// <summary>429: as many unfinished jobs as allowed.</summary>
    public const string ConcurrencyLimitExceeded = "CONCURRENCY_LIMIT_EXCEEDED";

    /// <summary>409: the same idempotency key came with another body.</summary>
    public const string IdempotencyConflict = "IDEMPOTENCY_CONFLICT";

    /// <summary>400: the URL's scheme or address is not allowed.</summary>
    public const string UrlNotAllowed = "URL_NOT_ALLOWED";

    /// <summary>502: downloading the document from its URL failed.</summary>
    public const string UrlFetchFailed = "URL_FETCH_FAILED";

    /// <summary>500: the conversion failed unexpectedly (retried).</summary>
    public const string ProcessingError = "PROCESSING_ERROR";

    /// <summary>500: text recognition failed (retried).</summary>
    public const string OcrFailed = "OCR_FAILED";

    /// <summary>503: no GPU worker is live for <c>processing_mode=gpu</c>.</summary>
    public const string GpuUnavailable = "GPU_UNAVAILABLE";

    /// <summary>503: the job's files could not be read or written (retried).</summary>
    public const string StorageError = "STORAGE_ERROR";

    /// <summary>504: an attempt ran too long or its worker vanished (retried).</summary>
    public const string WorkerTimeout = "WORKER_TIMEOUT";

    /// <summary>409: the job was cancelled and has no result.</summary>
    public const string JobCancelled = "JOB_CANCELLED";

    /// <summary>503: the service cannot take the request right now.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>500: a fault on the server's side.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>422: the conversion went over the worker's memory or CPU-time budget (<c>details.limit</c>); not retried.</summary>
    public const string ResourceLimit = "RESOURCE_LIMIT";

    /// <summary>400: <c>json_schema</c> is not a schema the server can fill (<c>details.path</c> says where).</summary>
    public const string InvalidSchema = "INVALID_SCHEMA";

    /// <summary>400: <c>json_schema</c> is over the size, property or nesting limit.</summary>
    public const string SchemaTooLarge = "SCHEMA_TOO_LARGE";

    /// <summary>404: the job's result has no image file of the name asked for (<c>details.name</c>).</summary>
    public const string ImageNotFound = "IMAGE_NOT_FOUND";

    /// <summary>400: <c>extract_mode=llm</c> on a server with no LLM engine configured.</summary>
    public const string LlmNotConfigured = "LLM_NOT_CONFIGURED";

    /// <summary>Client-side only: the server answered with an error that is not a DocStrange problem body, or a success body this client cannot read.</summary>
    public const string UnexpectedResponse = "UNEXPECTED_RESPONSE";

    /// <summary>Every code the server may send (without <see cref="UnexpectedResponse"/>).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        InvalidRequest, InvalidFileType, FileTooLarge, FileEmpty, UnreadableDocument, EncryptedDocument, TooManyPages,
        InvalidApiKey, JobNotFound, ResultNotReady, ResultExpired, RateLimitExceeded, QuotaExceeded,
        ConcurrencyLimitExceeded, IdempotencyConflict, UrlNotAllowed, UrlFetchFailed, ProcessingError, OcrFailed,
        GpuUnavailable, StorageError, WorkerTimeout, JobCancelled, ServiceUnavailable, InternalError, ResourceLimit,
        InvalidSchema, SchemaTooLarge, ImageNotFound, LlmNotConfigured,
    ];
}
