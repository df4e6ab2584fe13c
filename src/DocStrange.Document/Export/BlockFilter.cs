using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>Which blocks the text-like exporters (Markdown, HTML, text, CSV) write.</summary>
internal static class BlockFilter
{
    /// <summary>Whether <paramref name="role"/> is page furniture: a running header or footer.</summary>
    public static bool IsPageFurniture(BlockRole role) => role is BlockRole.PageHeader or BlockRole.PageFooter;

    /// <summary>The blocks in reading order, without page furniture unless the options ask for it.</summary>
    public static IReadOnlyList<Block> Visible(DocumentModel document, ExportOptions options) =>
        options.IncludePageFurniture
            ? document.Blocks
            : document.Blocks.Where(b => !IsPageFurniture(b.Role)).ToList();
}
