using DocStrange.Document.Model;
using DocStrange.Extraction.Fields.Labels;

namespace DocStrange.Extraction.Fields;

/// <summary>A table of the document with where it stands.</summary>
internal sealed record PlacedTable(int Index, Table Table, int Page, BoundingBox? Box, int Order);

/// <summary>The document's text cut into <see cref="TextUnit"/>s in reading order, its tables, and each cell by its place.</summary>
internal sealed class DocumentTexts
{
    private readonly Dictionary<CellPlace, TextUnit> _cells = [];

    private DocumentTexts(List<TextUnit> units, List<PlacedTable> tables)
    {
        Units = units;
        Tables = tables;
        foreach (var unit in units)
        {
            if (unit.Cell is { } place) _cells[place] = unit;
        }
    }

    public IReadOnlyList<TextUnit> Units { get; }

    public IReadOnlyList<PlacedTable> Tables { get; }

    /// <summary>The cell at a place; null where the grid has none or it is empty.</summary>
    public TextUnit? CellAt(int table, int row, int column) => _cells.GetValueOrDefault(new CellPlace(table, row, column));

    public static DocumentTexts Of(DocumentModel document)
    {
        var units = new List<TextUnit>();
        var tables = new List<PlacedTable>();
        foreach (var block in document.Blocks)
        {
            var page = block.Provenance?.Page ?? 1;
            var box = block.Provenance?.Box;
            if (block.Table is { } table)
            {
                var placed = new PlacedTable(tables.Count, table, page, box, units.Count);
                tables.Add(placed);
                foreach (var cell in table.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
                {
                    if (string.IsNullOrWhiteSpace(cell.Text)) continue;
                    units.Add(new TextUnit(units.Count, cell.Text, LabelTokenizer.Tokens(cell.Text), page, box) { Cell = new CellPlace(placed.Index, cell.Row, cell.Column) });
                }
                continue;
            }
            foreach (var line in block.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                units.Add(new TextUnit(units.Count, line, LabelTokenizer.Tokens(line), page, box) { IsTitle = block.Role == BlockRole.Title });
            }
        }
        return new DocumentTexts(units, tables);
    }
}
