using System.Collections.Frozen;
using System.Text.Json;

namespace DocStrange.Document.Errors;

/// <summary>What each <see cref="ErrorCode"/> means: its wire name, title, HTTP status and whether retrying can help.</summary>
public static class ErrorCatalog
{
    /// <summary>One row of the catalog.</summary>
    public sealed record Entry(ErrorCode Code, string Name, string Title, int HttpStatus, bool Transient);

    private static readonly FrozenDictionary<ErrorCode, Entry> Entries = new Entry[]
    {
        Row(ErrorCode.InvalidRequest, "Invalid request", 400),
        Row(ErrorCode.InvalidFileType, "Invalid file type", 415),
        Row(ErrorCode.FileTooLarge, "File too large", 413),
        Row(ErrorCode.FileEmpty, "File empty", 400),
        Row(ErrorCode.UnreadableDocument, "Unreadable document", 422),
        Row(ErrorCode.EncryptedDocument, "Encrypted document", 422),
        Row(ErrorCode.TooManyPages, "Too many pages", 422),
        Row(ErrorCode.InvalidApiKey, "Invalid API key", 401),
        Row(ErrorCode.JobNotFound, "Job not found", 404),
        Row(ErrorCode.ResultNotReady, "Result not ready", 409),
        Row(ErrorCode.ResultExpired, "Result expired", 410),
        Row(ErrorCode.RateLimitExceeded, "Rate limit exceeded", 429),
        Row(ErrorCode.QuotaExceeded, "Quota exceeded", 429),
        Row(ErrorCode.ConcurrencyLimitExceeded, "Concurrency limit exceeded", 429),
        Row(ErrorCode.IdempotencyConflict, "Idempotency conflict", 409),
        Row(ErrorCode.UrlNotAllowed, "URL not allowed", 400),
        Row(ErrorCode.UrlFetchFailed, "URL fetch failed", 502, transient: true),
        Row(ErrorCode.ProcessingError, "Processing error", 500, transient: true),
        Row(ErrorCode.OcrFailed, "OCR failed", 500, transient: true),
        Row(ErrorCode.GpuUnavailable, "GPU unavailable", 503),
        Row(ErrorCode.StorageError, "Storage error", 503, transient: true),
        Row(ErrorCode.WorkerTimeout, "Worker timeout", 504, transient: true),
        Row(ErrorCode.JobCancelled, "Job cancelled", 409),
        Row(ErrorCode.ServiceUnavailable, "Service unavailable", 503, transient: true),
        Row(ErrorCode.InternalError, "Internal error", 500),
        Row(ErrorCode.ResourceLimit, "Resource limit", 422),
    }.ToFrozenDictionary(e => e.Code);

    private static readonly FrozenDictionary<string, ErrorCode> ByName =
        Entries.Values.ToFrozenDictionary(e => e.Name, e => e.Code, StringComparer.Ordinal);

    /// <summary>All codes with their meaning, in declaration order.</summary>
    public static IEnumerable<Entry> All => Enum.GetValues<ErrorCode>().Select(Get);

    /// <summary>The catalog row of a code.</summary>
    public static Entry Get(ErrorCode code) => Entries[code];

    /// <summary>The wire name of a code, e.g. <c>FILE_TOO_LARGE</c>.</summary>
    public static string NameOf(ErrorCode code) => Entries[code].Name;

    /// <summary>Parses a wire name back to its code.</summary>
    public static bool TryParse(string name, out ErrorCode code) => ByName.TryGetValue(name, out code);

    private static Entry Row(ErrorCode code, string title, int status, bool transient = false) =>
        new(code, JsonNamingPolicy.SnakeCaseUpper.ConvertName(code.ToString()), title, status, transient);
}
