namespace DocStrange.Jobs.Model;

/// <summary>Facts about a finished conversion, shown with every result (SPEC §2 <c>metadata</c>).</summary>
public sealed record JobResult
{
    /// <summary>Pages converted.</summary>
    public int PagesProcessed { get; init; }

    /// <summary>Pages in the source.</summary>
    public int PageCount { get; init; }

    /// <summary>Wall time of the conversion in milliseconds.</summary>
    public long ProcessingTimeMs { get; init; }

    /// <summary>Pages that were OCR'd.</summary>
    public int OcrPages { get; init; }

    /// <summary>Pages whose layout lost or doubled a word and were laid out again the safe way.</summary>
    public int LayoutFallbackPages { get; init; }

    /// <summary>Problems that did not fail the job, e.g. a page that could not be read.</summary>
    public IReadOnlyList<JobWarning> Warnings { get; init; } = [];

    /// <summary>Whether the result was copied from an identical earlier job (the result cache).</summary>
    public bool Cached { get; init; }

    /// <summary>The image files stored with the result (<c>images=files</c>), by name: <c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The pages whose output is stored on its own in every format, for <c>?page=N</c>; empty for results stored before.</summary>
    public IReadOnlyList<int> Pages { get; init; } = [];

    /// <summary>Size in bytes of each stored result, by format wire name.</summary>
    public IReadOnlyDictionary<string, long> Sizes { get; init; } = new Dictionary<string, long>();
}

/// <summary>A problem that did not fail the job.</summary>
public sealed record JobWarning(string Code, string Message, int? Page);
