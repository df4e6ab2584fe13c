using DocStrange.Document.Errors;

namespace DocStrange.Jobs.Errors;

/// <summary>
/// The error codes of the service around the conversion: keys, jobs, quotas, URLs, storage and
/// workers. The codes a conversion raises are those of <see cref="ErrorCode"/> itself.
/// </summary>
public static class ServiceErrors
{
    public static readonly ErrorCode InvalidApiKey = new("INVALID_API_KEY");
    public static readonly ErrorCode JobNotFound = new("JOB_NOT_FOUND");
    public static readonly ErrorCode ResultNotReady = new("RESULT_NOT_READY");
    public static readonly ErrorCode ImageNotFound = new("IMAGE_NOT_FOUND");
    public static readonly ErrorCode ResultExpired = new("RESULT_EXPIRED");
    public static readonly ErrorCode RateLimitExceeded = new("RATE_LIMIT_EXCEEDED");
    public static readonly ErrorCode QuotaExceeded = new("QUOTA_EXCEEDED");
    public static readonly ErrorCode ConcurrencyLimitExceeded = new("CONCURRENCY_LIMIT_EXCEEDED");
    public static readonly ErrorCode IdempotencyConflict = new("IDEMPOTENCY_CONFLICT");
    public static readonly ErrorCode UrlNotAllowed = new("URL_NOT_ALLOWED");
    public static readonly ErrorCode UrlFetchFailed = new("URL_FETCH_FAILED");
    public static readonly ErrorCode GpuUnavailable = new("GPU_UNAVAILABLE");
    public static readonly ErrorCode LlmNotConfigured = new("LLM_NOT_CONFIGURED");
    public static readonly ErrorCode StorageError = new("STORAGE_ERROR");
    public static readonly ErrorCode WorkerTimeout = new("WORKER_TIMEOUT");
    public static readonly ErrorCode JobCancelled = new("JOB_CANCELLED");
    public static readonly ErrorCode ServiceUnavailable = new("SERVICE_UNAVAILABLE");
    public static readonly ErrorCode InternalError = new("INTERNAL_ERROR");
}
