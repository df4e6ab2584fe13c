using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>Which blocks the text-like exporters (Markdown, HTML, text, CSV) write.</summary>
internal static class BlockFilter
{
    /// <summary>Whether <paramref name="role"/> is page furniture: a running header or footer.</summary>
    public static bool IsPageFurniture(BlockRole role) => role is BlockRole.PageHeader or BlockRole.PageFooter;

    /// <summary>The blocks in reading order, without page furniture unless the options ask for it, and without pictures for <see cref="ImageMode.None"/>.</summary>
    public static IReadOnlyList<Block> Visible(DocumentModel document, ExportOptions options) =>
        options.IncludePageFurniture && options.Images != ImageMode.None
            ? document.Blocks
            : document.Blocks.Where(b => (options.IncludePageFurniture || !IsPageFurniture(b.Role))
                && (options.Images != ImageMode.None || b.Role != BlockRole.Picture)).ToList();
}
