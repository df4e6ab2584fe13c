using DocStrange.Document.Errors;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Pixels for the picture blocks that no stored image covers (vector drawings, figures of many
/// images, images drawn turned): their region of the page rendered by <see cref="Pdftoppm"/> as PNG.
/// A crop that fails leaves its picture a placeholder with a warning.
/// </summary>
internal static class PdfPictureCrops
{
    private const int Resolution = 150;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<DocumentModel> RenderAsync(DocumentModel document, Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        if (!request.Options.WantsImages || !document.Blocks.Any(NeedsCrop)) return document;
        using var spool = new PdfFileSpool(input);
        var blocks = new List<Block>(document.Blocks.Count);
        var warnings = document.Warnings.ToList();
        // No more crops than images the document may keep: past the limit they would be dropped anyway.
        var budget = request.Options.ImageLimits.MaxImages;
        foreach (var block in document.Blocks)
        {
            if (!NeedsCrop(block) || budget <= 0)
            {
                blocks.Add(block);
                continue;
            }
            budget--;
            var page = block.Provenance!.Page;
            try
            {
                var path = await spool.PathAsync(cancellationToken);
                var png = await Pdftoppm.RenderRegionPngAsync(path, page, block.Provenance.Box!.Value, Resolution, request.Options.Password, Timeout, cancellationToken);
                blocks.Add(block with { Image = new PictureImage { Bytes = png } });
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                warnings.Add(new DocumentWarning(ErrorCode.UnreadableDocument, $"a picture on page {page} could not be rendered and is left as a placeholder: {ex.Message}", page));
                blocks.Add(block);
            }
        }
        return document with { Blocks = blocks, Warnings = warnings };
    }

    private static bool NeedsCrop(Block block) =>
        block is { Role: BlockRole.Picture, Image: null, Provenance.Box: { Width: > 0, Height: > 0 } };
}
