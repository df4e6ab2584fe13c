namespace DocStrange.Extraction.Layout.Blocks;

/// <summary>Tolerances of <see cref="BlockBuilder"/>, in multiples of the font size unless said otherwise.</summary>
public sealed record BlockBuilderOptions
{
    /// <summary>The defaults.</summary>
    public static BlockBuilderOptions Default { get; } = new();

    /// <summary>The widest blank gap between the boxes of two consecutive lines of one block.</summary>
    public double MaxLineGap { get; init; } = 0.9;

    /// <summary>A line spaced this many times further from the previous one than the block's lines so far starts a new block.</summary>
    public double SpacingJump { get; init; } = 1.4;

    /// <summary>How much a line may stick out to the left or right of the block, for indents and ragged edges.</summary>
    public double MaxEdgeShift { get; init; } = 4.0;

    /// <summary>The largest relative difference in font size between lines of one block.</summary>
    public double SizeTolerance { get; init; } = 0.15;
}
