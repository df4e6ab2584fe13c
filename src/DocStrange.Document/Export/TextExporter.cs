using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>Plain text: one block per paragraph, blank lines between blocks, table rows as tab-separated cells.</summary>
public sealed class TextExporter : IDocumentExporter
{
    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Text;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var first = true;
        foreach (var block in document.Blocks)
        {
            if (!options.IncludePageFurniture && block.Role is BlockRole.PageHeader or BlockRole.PageFooter) continue;
            if (block.Table is null && block.Text.Length == 0) continue;
            if (!first) writer.Write("\n\n");
            first = false;
            if (block.Table is { } table) WriteTable(table, writer);
            else writer.Write(block.Text);
        }
        if (!first) writer.Write('\n');
    }

    private static void WriteTable(Table table, TextWriter writer)
    {
        var grid = table.ToGrid();
        for (var r = 0; r < table.RowCount; r++)
        {
            if (r > 0) writer.Write('\n');
            for (var c = 0; c < table.ColumnCount; c++)
            {
                if (c > 0) writer.Write('\t');
                var cell = grid[r, c];
                // A spanned cell's text is written once, at its top-left position.
                if (cell is not null && cell.Row == r && cell.Column == c) writer.Write(cell.Text.ReplaceLineEndings(" "));
            }
        }
    }
}
