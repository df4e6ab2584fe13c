using DocStrange.Document.Files;

namespace DocStrange.Api.Intake;

/// <summary>A multipart submission once read: its text fields and the stored file.</summary>
internal sealed record SubmittedForm(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, StoredUpload File);

/// <summary>The uploaded file as stored: caller's name (metadata only), kind, size and hash.</summary>
internal sealed record StoredUpload(string FileName, FileKind Kind, long Size, string Sha256);

/// <summary>A multipart submission of several files once read: its text fields and each file, stored or refused.</summary>
internal sealed record SubmittedBatch(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<BatchFile> Files);

/// <summary>One file of a batch: stored under <paramref name="JobId"/>'s input key, or refused with <paramref name="Error"/>.</summary>
internal sealed record BatchFile(string FileName, string? JobId, StoredUpload? Stored, DocStrange.Document.Errors.DocStrangeException? Error);
