using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Formats.Image;

/// <summary>
/// Decodes one page of an image file with leptonica into an upright <see cref="OcrImage"/>: the
/// header is checked against the pixel limit before any pixel is decoded, and the EXIF orientation
/// is applied. A page over the limit is <c>FILE_TOO_LARGE</c>; one that cannot be decoded is an
/// <see cref="OcrImageException"/>.
/// </summary>
internal static unsafe class ImageDecoding
{
    /// <summary>Page <paramref name="page"/> (0-based) of <paramref name="data"/>, turned as its EXIF orientation says, or as <paramref name="orientation"/> says when given.</summary>
    public static OcrImage Decode(ReadOnlyMemory<byte> data, FileKind kind, int page, long maxPixels, string fileName, int? orientation = null)
    {
        NativeEnvironment.Prepare();
        var span = data.Span;
        var size = ImageHeaders.Read(span, kind, page)
            ?? throw new OcrImageException($"the {FileKinds.NameOf(kind).ToUpperInvariant()} header could not be read");
        if (size.Width <= 0 || size.Height <= 0) throw new OcrImageException("the image has no pixels");
        if (size.Pixels > maxPixels) throw TooLarge(size, maxPixels, fileName);

        Pix pix;
        fixed (byte* p = span)
        {
            var raw = kind == FileKind.Tiff
                ? Leptonica.pixReadMemTiff(p, (nuint)span.Length, page)
                : Leptonica.pixReadMem(p, (nuint)span.Length);
            if (raw == IntPtr.Zero) throw new OcrImageException($"the {FileKinds.NameOf(kind).ToUpperInvariant()} data could not be decoded");
            pix = Pix.Own(raw, "decode");
        }
        // The decoder may allocate what the header promised only up to the data present; check what came out too.
        if ((long)pix.Width * pix.Height > maxPixels)
        {
            var actual = new ImageHeaders.Size(pix.Width, pix.Height, 0);
            pix.Dispose();
            throw TooLarge(actual, maxPixels, fileName);
        }
        if (pix.HasAlpha)
        {
            // Transparent pixels carry any colour (often black): show them as a page would, on white.
            var opaque = pix.OnWhite();
            pix.Dispose();
            pix = opaque;
        }
        var resolution = pix.Resolution > 0 ? pix.Resolution : size.Resolution;
        var upright = ExifOrientation.Apply(pix, orientation ?? ExifOrientation.Read(span, kind));
        if (!ReferenceEquals(upright, pix)) pix.Dispose();
        return new OcrImage(upright, resolution);
    }

    private static DocStrangeException TooLarge(ImageHeaders.Size size, long maxPixels, string fileName) => new(
        ErrorCode.FileTooLarge,
        $"The image is {size.Width} × {size.Height} pixels ({size.Pixels / 1e6:0.#} megapixels); at most {maxPixels / 1e6:0.#} megapixels are accepted.",
        new Dictionary<string, object?>
        {
            ["file_name"] = fileName,
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["max_pixels"] = maxPixels,
        });
}
