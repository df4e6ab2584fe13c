using DocStrange.Document.Files;

namespace DocStrange.Jobs.Model;

/// <summary>The uploaded file: the caller's name for it (never used as a path), its kind, size, SHA-256 and where it is stored.</summary>
public sealed record JobInput(string FileName, FileKind Kind, long Size, string Sha256, string BlobKey);
