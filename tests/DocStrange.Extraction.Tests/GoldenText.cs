using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// The golden-file form of a document: a header line, then every block with a role prefix
/// (<c>[heading:1] Text</c>, <c>[list-item:1 ordered] Text</c>, <c>[table 3x4]</c> and its rows),
/// blocks separated by blank lines, warnings last. Pages are named (<c>@2</c>) when there are several.
/// </summary>
internal static class GoldenText
{
    public static string Render(DocumentModel document)
    {
        var parts = new List<string>
        {
            $"[document title={Quote(document.Metadata.Title)} pages={document.Pages.Count}/{document.Metadata.PageCount}]",
        };
        var paged = document.Pages.Count > 1;
        parts.AddRange(document.Blocks.Select(b => Render(b, paged)));
        parts.AddRange(document.Warnings.Select(w => $"[warning {w.Code.Name}{(w.Page is { } p ? " @" + p : "")}] {w.Message}"));
        return string.Join("\n\n", parts) + "\n";
    }

    /// <summary>The golden form of a conversion that failed with a named error.</summary>
    public static string Render(DocStrangeException error) => $"[error {error.Code.Name}] {error.Message}\n";

    private static string Render(Block block, bool paged)
    {
        var page = paged && block.Provenance is { } prov ? " @" + prov.Page : "";
        return block.Role switch
        {
            BlockRole.Heading => $"[heading:{block.Level}{page}] {block.Text}",
            BlockRole.ListItem => $"[list-item:{block.Level}{(block.Ordered ? " ordered" : "")}{page}] {block.Text}",
            BlockRole.Code => $"[code{(block.Language is { } lang ? ":" + lang : "")}{page}]\n{block.Text}",
            BlockRole.Table when block.Table is { } table => $"[table {table.RowCount}x{table.ColumnCount}{page}]\n{Rows(table)}",
            _ => $"[{Name(block.Role)}{page}] {block.Text}",
        };
    }

    // One line per row: header cells in **, spans as {rows x columns}, positions covered by a span as ^ (from above) or < (from the left).
    private static string Rows(Table table)
    {
        var grid = table.ToGrid();
        var sb = new StringBuilder();
        for (var r = 0; r < table.RowCount; r++)
        {
            if (r > 0) sb.Append('\n');
            sb.Append('|');
            for (var c = 0; c < table.ColumnCount; c++)
            {
                var cell = grid[r, c];
                sb.Append(' ').Append(cell switch
                {
                    null => "",
                    _ when cell.Row != r => "^",
                    _ when cell.Column != c => "<",
                    _ => Cell(cell),
                }).Append(" |");
            }
        }
        return sb.ToString();
    }

    private static string Cell(TableCell cell)
    {
        var text = cell.Text.ReplaceLineEndings("\\n").Replace("|", "\\|");
        if (cell.IsHeader) text = $"**{text}**";
        if (cell.RowSpan > 1 || cell.ColumnSpan > 1) text += $" {{{cell.RowSpan}x{cell.ColumnSpan}}}";
        return text;
    }

    private static string Name(BlockRole role) => role switch
    {
        BlockRole.PageHeader => "page-header",
        BlockRole.PageFooter => "page-footer",
        BlockRole.ListItem => "list-item",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static string Quote(string? text) => text is null ? "none" : "\"" + text + "\"";
}
