using System.Collections.Frozen;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.Errors;

/// <summary>The HTTP status each error code is answered with (SPEC §2).</summary>
public static class ErrorStatuses
{
    private static readonly FrozenDictionary<ErrorCode, int> Statuses = new Dictionary<ErrorCode, int>
    {
        [ErrorCode.InvalidRequest] = 400,
        [ErrorCode.InvalidFileType] = 415,
        [ErrorCode.FileTooLarge] = 413,
        [ErrorCode.FileEmpty] = 400,
        [ErrorCode.UnreadableDocument] = 422,
        [ErrorCode.EncryptedDocument] = 422,
        [ErrorCode.TooManyPages] = 422,
        [ServiceErrors.InvalidApiKey] = 401,
        [ServiceErrors.JobNotFound] = 404,
        [ServiceErrors.ImageNotFound] = 404,
        [ServiceErrors.ResultNotReady] = 409,
        [ServiceErrors.ResultExpired] = 410,
        [ServiceErrors.RateLimitExceeded] = 429,
        [ServiceErrors.QuotaExceeded] = 429,
        [ServiceErrors.ConcurrencyLimitExceeded] = 429,
        [ServiceErrors.IdempotencyConflict] = 409,
        [ServiceErrors.UrlNotAllowed] = 400,
        [ServiceErrors.UrlFetchFailed] = 502,
        [ErrorCode.ProcessingError] = 500,
        [ErrorCode.OcrFailed] = 500,
        [ServiceErrors.GpuUnavailable] = 503,
        [ServiceErrors.StorageError] = 503,
        [ServiceErrors.WorkerTimeout] = 504,
        [ServiceErrors.JobCancelled] = 409,
        [ServiceErrors.ServiceUnavailable] = 503,
        [ServiceErrors.InternalError] = 500,
        [ErrorCode.ResourceLimit] = 422,
        [ErrorCode.InvalidSchema] = 400,
        [ErrorCode.SchemaTooLarge] = 400,
        [ServiceErrors.LlmNotConfigured] = 400,
    }.ToFrozenDictionary();

    /// <summary>The status of a code of <see cref="ErrorCatalog"/>.</summary>
    public static int Of(ErrorCode code) => Statuses[code];
}
