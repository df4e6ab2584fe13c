using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>Where an exported picture's pixels are: a base64 data URI, or the image file's path relative to the output.</summary>
internal static class PictureLinks
{
    /// <summary>The folder, relative to the output, that <see cref="ImageMode.Files"/> writes images to.</summary>
    public const string Folder = "images";

    /// <summary>The link for <paramref name="block"/>'s image under <paramref name="mode"/>; null when it has none or the mode shows no pixels.</summary>
    public static string? Of(Block block, ImageMode mode) => (mode, block.Image) switch
    {
        (ImageMode.Embedded, { Format.Length: > 0 } image) => DataUri(image),
        (ImageMode.Files, { Name.Length: > 0 } image) => $"{Folder}/{image.Name}",
        _ => null,
    };

    /// <summary>The image as a <c>data:</c> URI.</summary>
    public static string DataUri(PictureImage image) => $"data:{image.MediaType};base64,{Convert.ToBase64String(image.Bytes)}";

    /// <summary>
    /// The picture's caption: the caption block right after it (or right before, as tables and some
    /// figures put it), else the picture's own text (its alt text or labels).
    /// </summary>
    public static string Caption(IReadOnlyList<Block> blocks, int index)
    {
        if (index + 1 < blocks.Count && blocks[index + 1].Role == BlockRole.Caption) return PlainText.OneLine(blocks[index + 1].Text);
        if (index > 0 && blocks[index - 1].Role == BlockRole.Caption) return PlainText.OneLine(blocks[index - 1].Text);
        return PlainText.OneLine(blocks[index].Text);
    }
}
