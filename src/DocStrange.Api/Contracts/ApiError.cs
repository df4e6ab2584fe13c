namespace DocStrange.Api.Contracts;

/// <summary>The <c>error</c> member of every problem response: the code clients act on, a message, and safe details.</summary>
public sealed record ApiError(string Code, string Message, IReadOnlyDictionary<string, object?> Details);
