namespace DocStrange.Extraction.Layout;

/// <summary>
/// A straight horizontal or vertical stroke on a page (a table rule, a cell border, a rectangle's
/// edge) in points with a top-left origin. Its ends are ordered: <c>X1 &lt;= X2</c>, <c>Y1 &lt;= Y2</c>.
/// </summary>
public readonly record struct Ruling
{
    /// <summary>A ruling between two points, ends ordered.</summary>
    public Ruling(double x1, double y1, double x2, double y2)
    {
        X1 = Math.Min(x1, x2);
        X2 = Math.Max(x1, x2);
        Y1 = Math.Min(y1, y2);
        Y2 = Math.Max(y1, y2);
    }

    /// <summary>The left end.</summary>
    public double X1 { get; }

    /// <summary>The top end.</summary>
    public double Y1 { get; }

    /// <summary>The right end.</summary>
    public double X2 { get; }

    /// <summary>The bottom end.</summary>
    public double Y2 { get; }

    /// <summary>Whether it runs left to right.</summary>
    public bool IsHorizontal => X2 - X1 >= Y2 - Y1;

    /// <summary>Its length in points.</summary>
    public double Length => Math.Max(X2 - X1, Y2 - Y1);

    /// <summary>For a horizontal ruling its y, for a vertical one its x.</summary>
    public double Position => IsHorizontal ? (Y1 + Y2) / 2 : (X1 + X2) / 2;

    /// <summary>For a horizontal ruling its left end, for a vertical one its top end.</summary>
    public double Start => IsHorizontal ? X1 : Y1;

    /// <summary>For a horizontal ruling its right end, for a vertical one its bottom end.</summary>
    public double End => IsHorizontal ? X2 : Y2;
}
