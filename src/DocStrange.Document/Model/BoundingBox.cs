namespace DocStrange.Document.Model;

/// <summary>
/// A rectangle on a page in PDF points (1/72 inch) with a top-left origin: <see cref="Top"/> is the
/// distance from the top edge of the page, so <c>Top &lt; Bottom</c>. Readers of formats without
/// geometry leave boxes out.
/// </summary>
public readonly record struct BoundingBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Width in points.</summary>
    public double Width => Right - Left;

    /// <summary>Height in points.</summary>
    public double Height => Bottom - Top;

    /// <summary>The smallest box holding both boxes.</summary>
    public BoundingBox Union(BoundingBox other) => new(
        Math.Min(Left, other.Left), Math.Min(Top, other.Top),
        Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
}
