namespace DocStrange.Extraction.Layout.Tables;

/// <summary>Tolerances of <see cref="RuledTableDetector"/>.</summary>
public sealed record RuledTableOptions
{
    /// <summary>The defaults.</summary>
    public static RuledTableOptions Default { get; } = new();

    /// <summary>The smallest width and height, in points, of a network of rulings that can frame a table.</summary>
    public double MinSize { get; init; } = 12;

    /// <summary>How much of a cell's side a ruling must cover to separate two cells.</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>Horizontal rules with the same ends stacked at most this far apart (points) frame one table, as in tables drawn with rules only above, below and under the header.</summary>
    public double MaxRuleStackGap { get; init; } = 400;

    /// <summary>A table whose one-line cells hold this many words on average is running text between two rules, not a table.</summary>
    public double MaxMeanWordsPerCell { get; init; } = 6;

    /// <summary>A cell holding more words than this is a frame around running text, not a table cell.</summary>
    public int MaxWordsPerCell { get; init; } = 100;
}
