using DocStrange.Document.Errors;

namespace DocStrange.Api.Intake;

/// <summary>The <c>Idempotency-Key</c> request header.</summary>
internal static class IdempotencyKeys
{
    /// <summary>The header's value: 1–255 printable ASCII characters, or null when absent; <c>INVALID_REQUEST</c> otherwise.</summary>
    public static string? Of(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("Idempotency-Key", out var values)) return null;
        var key = values.ToString();
        if (values.Count == 1 && key.Length is > 0 and <= 255 && key.All(c => c is >= '!' and <= '~')) return key;
        throw new DocStrangeException(ErrorCode.InvalidRequest, "'Idempotency-Key' must be one value of 1 to 255 printable characters without spaces.",
            new Dictionary<string, object?> { ["field"] = "Idempotency-Key" });
    }
}
