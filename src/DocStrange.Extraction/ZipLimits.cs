namespace DocStrange.Extraction;

/// <summary>
/// Limits on a ZIP container (DOCX, XLSX, PPTX, ODF) checked before any part is parsed, so a zip bomb
/// is refused with <c>FILE_TOO_LARGE</c> instead of filling memory or disk. The ratio applies to entries
/// larger than <see cref="RatioFloorBytes"/> (small parts compress well and are harmless).
/// </summary>
public sealed record ZipLimits
{
    /// <summary>The defaults: 2 GiB uncompressed in all, 20,000 entries, a compression ratio of 250:1.</summary>
    public static ZipLimits Default { get; } = new();

    /// <summary>The most bytes all entries together may inflate to.</summary>
    public long MaxUncompressedBytes { get; init; } = 2L << 30;

    /// <summary>The most entries the container may hold.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>The highest uncompressed:compressed ratio an entry above <see cref="RatioFloorBytes"/> may have.</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>Entries that inflate to fewer bytes than this are not held to the ratio.</summary>
    public long RatioFloorBytes { get; init; } = 1 << 20;

    /// <summary>
    /// The most characters of text the workbook's cells may show in all (100 million): a cell that
    /// refers to a shared string counts its text each time, so a small file whose cells all point at
    /// one long string cannot expand into gigabytes of output.
    /// </summary>
    public long MaxCellTextCharacters { get; init; } = 100_000_000;
}
