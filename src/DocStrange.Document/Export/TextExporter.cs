using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Plain text: one block per paragraph with a blank line between blocks; titles and headings as plain
/// lines; list items with <c>- </c> or <c>1. </c> markers, one per line, nested like Markdown lists;
/// table rows as tab-separated cells (a spanned cell's text at its top-left position); pictures left
/// out, page headers and footers only with <see cref="ExportOptions.IncludePageFurniture"/>; with
/// <see cref="ExportOptions.PageBreaks"/> each page's first block is preceded by the line <c>--- page N ---</c>. The output
/// ends with one newline; a document with nothing to write gives an empty string.
/// </summary>
public sealed class TextExporter : IDocumentExporter
{
    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Text;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var lists = new ListTracker();
        var wrote = false;
        var previousWasListItem = false;
        var pages = new PageMarker(options.PageBreaks);
        foreach (var block in BlockFilter.Visible(document, options))
        {
            if (block.Role == BlockRole.Picture || !PlainText.HasContent(block)) continue;
            if (pages.Opens(block) is { } page)
            {
                if (wrote) writer.Write("\n\n");
                writer.Write($"--- page {page} ---");
                wrote = true;
                previousWasListItem = false;
            }
            var isListItem = block.Role == BlockRole.ListItem;
            if (!isListItem) lists.Reset();
            if (wrote) writer.Write(isListItem && previousWasListItem ? "\n" : "\n\n");
            wrote = true;
            previousWasListItem = isListItem;
            switch (block.Role)
            {
                case BlockRole.Table:
                    WriteTable(block.Table!, writer);
                    break;
                case BlockRole.ListItem:
                    var step = lists.Next(block);
                    writer.Write(new string(' ', step.Indent) + ListTracker.Marker(block.Ordered, step.Number) + PlainText.OneLine(block.Text));
                    break;
                case BlockRole.Title or BlockRole.Heading or BlockRole.Formula:
                    writer.Write(PlainText.OneLine(block.Text));
                    break;
                default:
                    writer.Write(block.Text.ReplaceLineEndings("\n").TrimEnd('\n'));
                    break;
            }
        }
        if (wrote) writer.Write('\n');
    }

    private static void WriteTable(Table table, TextWriter writer)
    {
        var rows = TableGrid.TopLeftTexts(table);
        for (var r = 0; r < rows.Length; r++)
        {
            if (r > 0) writer.Write('\n');
            writer.Write(string.Join('\t', rows[r].Select(t => PlainText.OneLine(t).Replace('\t', ' '))));
        }
    }
}
