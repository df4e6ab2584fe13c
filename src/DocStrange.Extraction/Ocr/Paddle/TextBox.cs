namespace DocStrange.Extraction.Ocr.Paddle;

/// <summary>An axis-aligned text box the detector found, in pixels of the image it was given, and its score in [0, 1].</summary>
internal readonly record struct TextBox(double Left, double Top, double Right, double Bottom, double Score)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
