namespace DocStrange.Extraction.Layout.Tables;

/// <summary>Tolerances of <see cref="AlignedTableDetector"/>, in multiples of the font size unless said otherwise.</summary>
public sealed record AlignedTableOptions
{
    /// <summary>The defaults.</summary>
    public static AlignedTableOptions Default { get; } = new();

    /// <summary>The fewest rows (header included) of a table.</summary>
    public int MinRows { get; init; } = 3;

    /// <summary>The narrowest gap between two columns.</summary>
    public double MinColumnGap { get; init; } = 1.0;

    /// <summary>The widest blank gap between two rows of one table.</summary>
    public double MaxRowGap { get; init; } = 2.5;

    /// <summary>A row this close under the one above it (baseline to baseline), filling only columns that row fills, continues its cells.</summary>
    public double MaxContinuationSpacing { get; init; } = 1.5;

    /// <summary>A step between rows longer than this many times the run's row pitch (its median so far) ends the run: another block starts there.</summary>
    public double MaxPitchGrowth { get; init; } = 1.4;

    /// <summary>Cells holding this many words on average are lines of running text side by side, not a table.</summary>
    public double MaxMeanWordsPerCell { get; init; } = 5;
}
