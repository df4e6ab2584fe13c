using DocStrange.Document.Files;
using DocStrange.Document.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Where an OCR'd PDF page's pixels come from. A page that is one image covering the page, stored
/// as JPEG or JPEG 2000 and within the pixel limit, is OCR'd from those bytes as they are (no
/// rendering, no re-encoding), turned the way the page shows it; any other page is rendered by
/// <see cref="Pdftoppm"/>, at the resolution of its one image when it has one (so no detail is
/// invented), at most 300 dpi.
/// </summary>
internal sealed record PdfPageImage(int PageNumber, double PageWidth, double PageHeight)
{
    private const double FullPage = 0.85;
    private const int RenderResolution = 300;

    /// <summary>The encoded image (JPEG or JPEG 2000) when the page is one stored image; null when it must be rendered.</summary>
    public byte[]? Stored { get; private init; }

    /// <summary>The stored image's kind: <see cref="FileKind.Jpeg"/> for both JPEG flavours (leptonica sniffs the content).</summary>
    public FileKind StoredKind => FileKind.Jpeg;

    /// <summary>The EXIF-style orientation (1-8) that shows the stored image as the page does.</summary>
    public int Orientation { get; private init; } = 1;

    /// <summary>Where the stored image lies on the displayed page, in points from the top-left corner.</summary>
    public BoundingBox Placement { get; private init; }

    /// <summary>The resolution to render at, or the stored image's own, in pixels per inch.</summary>
    public int Resolution { get; private init; } = RenderResolution;

    /// <summary>Decides how page <paramref name="number"/> will be imaged; a stored image over <paramref name="maxPixels"/> is rendered instead.</summary>
    public static PdfPageImage Of(Page page, int number, long maxPixels)
    {
        var plain = new PdfPageImage(number, page.Width, page.Height);
        if (page.NumberOfImages != 1) return plain;
        var image = page.GetImages().First();
        var placement = DisplayBox(image.BoundingBox, page.Height);
        if (placement.Width < FullPage * page.Width || placement.Height < FullPage * page.Height) return plain;
        var orientation = OrientationOf(image.BoundingBox);
        var turned = orientation >= 5;
        var pixelsAcross = turned ? image.HeightInSamples : image.WidthInSamples;
        var native = (int)Math.Round(pixelsAcross / (placement.Width / 72));
        if (orientation == 0 || !IsStoredAsFile(image) || (long)image.WidthInSamples * image.HeightInSamples > maxPixels)
        {
            return plain with { Resolution = Math.Clamp(native, 72, RenderResolution) };
        }
        return plain with { Stored = image.RawMemory.ToArray(), Orientation = orientation, Placement = placement, Resolution = native };
    }

    /// <summary>Whether the image is stored as a JPEG or JPEG 2000 file (its last filter DCTDecode or JPXDecode).</summary>
    public static bool IsStoredAsFile(IPdfImage image) => StoredFilter(image) is "DCTDecode" or "JPXDecode";

    /// <summary>The image's one filter, or null when it has none or a chain.</summary>
    public static string? StoredFilter(IPdfImage image)
    {
        if (image.IsImageMask || !image.ImageDictionary.TryGet(NameToken.Filter, out var filter)) return null;
        return filter switch
        {
            NameToken name => name.Data,
            ArrayToken { Length: 1 } array when array[0] is NameToken only => only.Data,
            _ => null,
        };
    }

    // PdfPig places the image's unit square on the displayed page (y up): TopLeft is where the
    // image's first pixel goes, TopRight the end of its first row, BottomLeft the start of its last.
    // The directions of its rows and columns on the page (y down) name the turn that shows it upright,
    // as an EXIF orientation; 0 when the image is drawn slanted.
    /// <summary>The EXIF orientation that shows an image drawn into <paramref name="r"/> as the page does; 0 when slanted.</summary>
    public static int OrientationOf(PdfRectangle r)
    {
        var across = Direction(r.TopRight.X - r.TopLeft.X, r.TopLeft.Y - r.TopRight.Y);
        var down = Direction(r.BottomLeft.X - r.TopLeft.X, r.TopLeft.Y - r.BottomLeft.Y);
        return (across, down) switch
        {
            ('R', 'D') => 1,
            ('L', 'D') => 2,
            ('L', 'U') => 3,
            ('R', 'U') => 4,
            ('D', 'R') => 5,
            ('D', 'L') => 6,
            ('U', 'L') => 7,
            ('U', 'R') => 8,
            _ => 0,
        };
    }

    private static char Direction(double dx, double dy)
    {
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0) return '?';
        if (Math.Abs(dx) >= 0.99 * length) return dx > 0 ? 'R' : 'L';
        if (Math.Abs(dy) >= 0.99 * length) return dy > 0 ? 'D' : 'U';
        return '?';
    }

    private static BoundingBox DisplayBox(PdfRectangle r, double pageHeight)
    {
        double[] xs = [r.TopLeft.X, r.TopRight.X, r.BottomLeft.X, r.BottomRight.X];
        double[] ys = [r.TopLeft.Y, r.TopRight.Y, r.BottomLeft.Y, r.BottomRight.Y];
        return new BoundingBox(xs.Min(), pageHeight - ys.Max(), xs.Max(), pageHeight - ys.Min());
    }
}
