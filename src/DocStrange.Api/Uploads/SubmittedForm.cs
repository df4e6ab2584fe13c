using DocStrange.Document.Files;

namespace DocStrange.Api.Uploads;

/// <summary>A multipart submission once read: its text fields and the stored file.</summary>
internal sealed record SubmittedForm(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, StoredUpload File);

/// <summary>The uploaded file as stored: caller's name (metadata only), kind, size and hash.</summary>
internal sealed record StoredUpload(string FileName, FileKind Kind, long Size, string Sha256);
