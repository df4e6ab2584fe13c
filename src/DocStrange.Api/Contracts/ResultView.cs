using DocStrange.Jobs.Model;

namespace DocStrange.Api.Contracts;

/// <summary>A job's result in one format (SPEC §2 <c>GET /jobs/{id}/result</c>).</summary>
public sealed record ResultView(string JobId, string Format, string Content, ResultMetadata Metadata);

/// <summary>Facts about the conversion behind a result.</summary>
public sealed record ResultMetadata(
    string FileName,
    string FileType,
    long FileSize,
    int PagesProcessed,
    int PageCount,
    long ProcessingTimeMs,
    int OcrPages,
    IReadOnlyList<JobWarning> Warnings,
    bool Cached);
