using DocStrange.Document.Errors;

namespace DocStrange.Document.Model;

/// <summary>Something that went wrong without failing the document, e.g. one page that could not be parsed.</summary>
public sealed record DocumentWarning(ErrorCode Code, string Message, int? Page = null);
