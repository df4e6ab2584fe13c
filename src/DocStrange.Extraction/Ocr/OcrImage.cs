using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// A decoded page image handed to an <see cref="IOcrEngine"/>: pixels upright as the page is
/// displayed, and the resolution it was scanned or rendered at (0 when no one knows). Owns native
/// memory: dispose it.
/// </summary>
public sealed class OcrImage : IDisposable
{
    internal OcrImage(Pix pix, int resolution)
    {
        Pix = pix;
        Resolution = resolution;
    }

    internal Pix Pix { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => Pix.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Pix.Height;

    /// <summary>Pixels per inch; 0 when unknown.</summary>
    public int Resolution { get; }

    /// <summary>This image's pixels with another resolution; this object hands them over and must not be used again.</summary>
    internal OcrImage WithResolution(int resolution) => new(Pix, resolution);

    /// <inheritdoc />
    public void Dispose() => Pix.Dispose();
}
