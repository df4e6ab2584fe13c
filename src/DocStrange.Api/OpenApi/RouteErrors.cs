using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.OpenApi;

/// <summary>The codes that several routes share, for their OpenAPI descriptions.</summary>
public static class RouteErrors
{
    /// <summary>A submission refused before a job is made: its form, its file, the caller's limits, the key, the store.</summary>
    public static readonly ErrorCode[] Submission =
    [
        ErrorCode.InvalidRequest, ErrorCode.InvalidFileType, ErrorCode.FileTooLarge, ErrorCode.FileEmpty, ServiceErrors.UrlNotAllowed,
        ServiceErrors.QuotaExceeded, ServiceErrors.ConcurrencyLimitExceeded, ServiceErrors.IdempotencyConflict, ServiceErrors.GpuUnavailable,
        ServiceErrors.LlmNotConfigured, ServiceErrors.StorageError,
    ];

    /// <summary>What a failed job's result is answered with: the code the job failed with.</summary>
    public static readonly ErrorCode[] JobFailure =
    [
        ErrorCode.UnreadableDocument, ErrorCode.EncryptedDocument, ErrorCode.TooManyPages, ErrorCode.ResourceLimit, ErrorCode.FileTooLarge,
        ErrorCode.InvalidFileType, ErrorCode.ProcessingError, ErrorCode.OcrFailed, ServiceErrors.WorkerTimeout, ServiceErrors.StorageError,
    ];

    /// <summary>Fetching a job's result: the job unknown, not finished, cancelled, expired, or failed.</summary>
    public static readonly ErrorCode[] Result =
    [
        ErrorCode.InvalidRequest, ServiceErrors.JobNotFound, ServiceErrors.ResultNotReady, ServiceErrors.ResultExpired, ServiceErrors.JobCancelled,
        .. JobFailure,
    ];
}
