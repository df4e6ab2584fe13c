using System.Collections.Frozen;
using DocStrange.Document.Errors;

namespace DocStrange.Jobs.Errors;

/// <summary>
/// Every code DocStrange reports, the conversion's and the service's: its title and whether retrying
/// can help. The HTTP status of a code is the API's business (DocStrange.Api.Errors.ErrorStatuses).
/// </summary>
public static class ErrorCatalog
{
    /// <summary>One row of the catalog.</summary>
    public sealed record Entry(ErrorCode Code, string Title, bool Transient)
    {
        /// <summary>The wire name, e.g. <c>FILE_TOO_LARGE</c>.</summary>
        public string Name => Code.Name;
    }

    private static readonly Entry[] Rows =
    [
        new(ErrorCode.InvalidRequest, "Invalid request", false),
        new(ErrorCode.InvalidFileType, "Invalid file type", false),
        new(ErrorCode.FileTooLarge, "File too large", false),
        new(ErrorCode.FileEmpty, "File empty", false),
        new(ErrorCode.UnreadableDocument, "Unreadable document", false),
        new(ErrorCode.EncryptedDocument, "Encrypted document", false),
        new(ErrorCode.TooManyPages, "Too many pages", false),
        new(ServiceErrors.InvalidApiKey, "Invalid API key", false),
        new(ServiceErrors.JobNotFound, "Job not found", false),
        new(ServiceErrors.ResultNotReady, "Result not ready", false),
        new(ServiceErrors.ResultExpired, "Result expired", false),
        new(ServiceErrors.RateLimitExceeded, "Rate limit exceeded", false),
        new(ServiceErrors.QuotaExceeded, "Quota exceeded", false),
        new(ServiceErrors.ConcurrencyLimitExceeded, "Concurrency limit exceeded", false),
        new(ServiceErrors.IdempotencyConflict, "Idempotency conflict", false),
        new(ServiceErrors.UrlNotAllowed, "URL not allowed", false),
        new(ServiceErrors.UrlFetchFailed, "URL fetch failed", true),
        new(ErrorCode.ProcessingError, "Processing error", true),
        new(ErrorCode.OcrFailed, "OCR failed", true),
        new(ServiceErrors.GpuUnavailable, "GPU unavailable", false),
        new(ServiceErrors.StorageError, "Storage error", true),
        new(ServiceErrors.WorkerTimeout, "Worker timeout", true),
        new(ServiceErrors.JobCancelled, "Job cancelled", false),
        new(ServiceErrors.ServiceUnavailable, "Service unavailable", true),
        new(ServiceErrors.InternalError, "Internal error", false),
        new(ErrorCode.ResourceLimit, "Resource limit", false),
        new(ErrorCode.InvalidSchema, "Invalid schema", false),
        new(ErrorCode.SchemaTooLarge, "Schema too large", false),
        new(ServiceErrors.ImageNotFound, "Image not found", false),
        new(ServiceErrors.LlmNotConfigured, "LLM not configured", false),
    ];

    private static readonly FrozenDictionary<string, Entry> ByName = Rows.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>All codes with their meaning, in the order of the error reference (SPEC §2).</summary>
    public static IReadOnlyList<Entry> All => Rows;

    /// <summary>The catalog row of a code.</summary>
    public static Entry Get(ErrorCode code) => ByName[code.Name];

    /// <summary>Whether retrying the same work may succeed after this error.</summary>
    public static bool IsTransient(ErrorCode code) => Get(code).Transient;

    /// <summary>Parses a wire name back to its code; only the codes of the catalog are known.</summary>
    public static bool TryParse(string name, out ErrorCode code)
    {
        var found = ByName.TryGetValue(name, out var entry);
        code = found ? entry!.Code : default;
        return found;
    }
}
