using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>The image files that <see cref="ImageMode.Files"/> output links to: each picture's bytes under its <c>images/</c> path.</summary>
public static class PictureFiles
{
    /// <summary>The folder the links point into, relative to the output.</summary>
    public const string Folder = PictureLinks.Folder;

    /// <summary>The document's images in reading order: file name (no folder) and bytes.</summary>
    public static IEnumerable<(string Name, PictureImage Image)> Of(DocumentModel document) =>
        document.Blocks.Where(b => b.Image is { Name.Length: > 0 }).Select(b => (b.Image!.Name, b.Image!));
}
