namespace DocStrange.Client;

/// <summary>Facts about the conversion behind a result.</summary>
public sealed record ResultMetadata
{
    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The uploaded file's type (<c>text</c>, <c>pdf</c>, ...).</summary>
    public string FileType { get; init; } = "";

    /// <summary>The uploaded file's size in bytes.</summary>
    public long FileSize { get; init; }

    /// <summary>Pages converted.</summary>
    public int PagesProcessed { get; init; }

    /// <summary>Pages in the source.</summary>
    public int PageCount { get; init; }

    /// <summary>Time the conversion took, in milliseconds.</summary>
    public long ProcessingTimeMs { get; init; }

    /// <summary>Pages read by OCR.</summary>
    public int OcrPages { get; init; }

    /// <summary>Problems that did not fail the job.</summary>
    public IReadOnlyList<ResultWarning> Warnings { get; init; } = [];

    /// <summary>Whether the result was copied from an identical earlier job (the result cache).</summary>
    public bool Cached { get; init; }
}

/// <summary>Something the conversion skipped or could not read.</summary>
public sealed record ResultWarning
{
    /// <summary>A code from <see cref="ErrorCodes"/>.</summary>
    public string Code { get; init; } = "";

    /// <summary>What happened, for people.</summary>
    public string Message { get; init; } = "";

    /// <summary>The page concerned, when there is one.</summary>
    public int? Page { get; init; }
}
