using DocStrange.Document.Files;

namespace DocStrange.Api.Intake;

/// <summary>An incoming file as stored: caller's name (metadata only), kind, size and hash.</summary>
internal sealed record StoredUpload(string FileName, FileKind Kind, long Size, string Sha256);
