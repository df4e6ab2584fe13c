using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The stored pixels of a page's picture blocks: a picture that is one image of the file gets that
/// image's bytes, a JPEG as it is stored (no re-encoding), any other image as PNG when PdfPig can
/// decode it. A picture made of several images, of vector drawing, or of an image drawn turned,
/// flipped or in CMYK gets none here and is rendered later (<see cref="PdfPictureCrops"/>).
/// </summary>
internal static class PdfPictureImages
{
    // The image must fill most of the picture's box, or the picture is more than that image.
    private const double MinCover = 0.9;

    /// <summary>The blocks (in the upright frame) with the pictures' stored images attached where there is one.</summary>
    public static IReadOnlyList<Block> Attach(Page page, PdfPageOrientation orientation, IReadOnlyList<Block> blocks)
    {
        if (!blocks.Any(b => b.Role == BlockRole.Picture && b.Provenance?.Box is not null)) return blocks;
        var images = page.GetImages().Select(i => (Image: i, Box: PdfPictures.Upright(i, orientation))).ToList();
        return blocks.Select(b => b.Role == BlockRole.Picture && b.Provenance?.Box is { } box && StoredBytes(page, images, box) is { } bytes
            ? b with { Image = new PictureImage { Bytes = bytes } }
            : b).ToList();
    }

    private static byte[]? StoredBytes(Page page, List<(IPdfImage Image, BoundingBox Box)> images, BoundingBox picture)
    {
        var inside = images.Where(i => picture.Contains(i.Box.CenterX(), i.Box.CenterY())).ToList();
        if (inside.Count != 1) return null;
        var (image, box) = inside[0];
        if (box.OverlapArea(picture) < MinCover * picture.Area()) return null;
        if (page.Rotation.Value != 0 || PdfPageImage.OrientationOf(image.BoundingBox) != 1) return null;
        try
        {
            if (PdfPageImage.StoredFilter(image) == "DCTDecode" && image.ColorSpaceDetails?.NumberOfColorComponents != 4) return image.RawMemory.ToArray();
            return image.TryGetPng(out var png) ? png : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken image stream leaves the picture to the renderer.
            return null;
        }
    }
}
