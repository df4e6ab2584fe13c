namespace DocStrange.Extraction.Layout.Lines;

/// <summary>Tolerances of <see cref="LineBuilder"/>, in multiples of the font size.</summary>
public sealed record LineBuilderOptions
{
    /// <summary>The defaults.</summary>
    public static LineBuilderOptions Default { get; } = new();

    /// <summary>The widest gap between two words of one line: wider gaps separate columns and table cells.</summary>
    public double MaxWordGap { get; init; } = 1.0;

    /// <summary>The widest gap between two words set in a fixed-pitch face: code lines up its parts with runs of spaces.</summary>
    public double MaxMonospaceGap { get; init; } = 6.0;

    /// <summary>How far apart the baselines of two words of the same size on one line may be.</summary>
    public double BaselineTolerance { get; init; } = 0.25;

    /// <summary>How far a smaller word's baseline may sit above the line's (a superscript).</summary>
    public double SuperscriptRise { get; init; } = 0.6;

    /// <summary>How far a smaller word's baseline may sit below the line's (a subscript).</summary>
    public double SubscriptDrop { get; init; } = 0.35;

    /// <summary>A word this much smaller than the line (or less) may be a superscript or subscript.</summary>
    public double ScriptSizeRatio { get; init; } = 0.85;

    /// <summary>
    /// Words whose sizes differ more than this (the smaller under this share of the larger) are not one line, not
    /// even as a script: beside a brace several lines tall the rise allowed to a superscript spans lines of text,
    /// which would all become one line, and a sign that shares a baseline with one of them would lend it its height.
    /// </summary>
    public double MinLineSizeRatio { get; init; } = 0.4;
}
