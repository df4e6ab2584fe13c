namespace DocStrange.Document.Errors;

/// <summary>
/// An error that carries its <see cref="ErrorCode"/> and a message fit for a client. Thrown where a
/// problem is found, caught once at a boundary (an endpoint, the job runner, the CLI) and reported
/// by its code; any other exception is an internal error whose text stays in the logs.
/// </summary>
public sealed class DocStrangeException : Exception
{
    public DocStrangeException(ErrorCode code, string message, IReadOnlyDictionary<string, object?>? details = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>The code clients act on.</summary>
    public ErrorCode Code { get; }

    /// <summary>Structured facts about the error (sizes, names, limits), safe to show to the client.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
