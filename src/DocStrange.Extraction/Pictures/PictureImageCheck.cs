using DocStrange.Document.Errors;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Image;

namespace DocStrange.Extraction.Pictures;

/// <summary>
/// The one place where the pixels readers found become exportable images: each is sniffed and its
/// header read (format and size), named <c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c> in reading order, and
/// counted against <see cref="ImageLimits"/>. An image that cannot be read, is too large to decode, or
/// is past a limit leaves its picture a placeholder with a warning: a bad image never fails a document.
/// Without images asked for, any pixels are dropped.
/// </summary>
internal static class PictureImageCheck
{
    public static DocumentModel Apply(DocumentModel document, ConversionOptions options)
    {
        if (!document.Blocks.Any(b => b.Image is not null)) return document;
        if (!options.WantsImages) return document with { Blocks = document.Blocks.Select(b => b.Image is null ? b : b with { Image = null }).ToList() };

        var blocks = new List<Block>(document.Blocks.Count);
        var warnings = new List<DocumentWarning>(document.Warnings);
        var perPage = new Dictionary<int, int>();
        var kept = 0;
        long bytes = 0;
        var limitWarned = false;
        foreach (var block in document.Blocks)
        {
            if (block.Image is not { } image)
            {
                blocks.Add(block);
                continue;
            }
            var page = block.Provenance?.Page ?? 1;
            if (Checked(image, options.MaxImagePixels) is not ({ } good, { } extension))
            {
                warnings.Add(new DocumentWarning(ErrorCode.UnreadableDocument,
                    $"a picture on page {page} could not be decoded and is left as a placeholder", page));
                blocks.Add(block with { Image = null });
                continue;
            }
            if (kept >= options.ImageLimits.MaxImages || bytes + good.Bytes.Length > options.ImageLimits.MaxBytes)
            {
                if (!limitWarned)
                {
                    warnings.Add(new DocumentWarning(ErrorCode.ResourceLimit,
                        $"the image limit ({options.ImageLimits.MaxImages} images, {options.ImageLimits.MaxBytes} bytes) was reached on page {page}; later pictures are placeholders", page));
                    limitWarned = true;
                }
                blocks.Add(block with { Image = null });
                continue;
            }
            kept++;
            bytes += good.Bytes.Length;
            var n = perPage[page] = perPage.GetValueOrDefault(page) + 1;
            blocks.Add(block with { Image = good with { Name = $"{page}-{n}.{extension}" } });
        }
        return document with { Blocks = blocks, Warnings = warnings };
    }

    // The image with its format and size filled in, and its file extension; null when unreadable.
    private static (PictureImage Image, string Extension)? Checked(PictureImage image, long maxPixels)
    {
        if (ImageFormats.Sniff(image.Bytes) is not { } kind) return null;
        ImageHeaders.Size? size;
        try
        {
            size = ImageHeaders.Read(image.Bytes, kind, 0);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
        if (size is not { Width: > 0 and <= int.MaxValue, Height: > 0 and <= int.MaxValue } s || s.Pixels > maxPixels) return null;
        return (image with { Format = ImageFormats.NameOf(kind), Width = (int)s.Width, Height = (int)s.Height }, ImageFormats.ExtensionOf(kind));
    }
}
