namespace DocStrange.Extraction;

/// <summary>How many pictures, and how many bytes of them, one document keeps with images embedded or as files.</summary>
public sealed record ImageLimits
{
    /// <summary>The defaults: 500 images, 100 MiB in all.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>The most images kept.</summary>
    public int MaxImages { get; init; } = 500;

    /// <summary>The most encoded bytes kept, all images together.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;
}
