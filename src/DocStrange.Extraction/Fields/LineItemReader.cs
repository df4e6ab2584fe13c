using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Labels;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// Reads an array of objects (line items) from the table whose column headers best match the item's
/// properties; the tables that continue it (same headers, on later pages) add their rows. Rows that sum the
/// items up are not items; a row with text only in the description column continues the item above.
/// </summary>
internal sealed class LineItemReader(DocumentTexts texts, ReadingHints hints)
{
    private const double PartialHeader = 0.8;

    /// <summary>The rows of the best table for <paramref name="array"/>; null when no table has enough of its columns.</summary>
    public List<LineItemRow>? Read(FieldSpec array)
    {
        var properties = array.Properties;
        if (properties.Count == 0) return null;
        var index = new LabelIndex();
        for (var p = 0; p < properties.Count; p++) index.Add(p, LabelVariants.For(properties[p], column: true));

        var mapped = texts.Tables.Select(t => (Table: t, Map: Columns(t, index, properties.Count))).Where(m => m.Map.Score > 0).ToList();
        var needed = Math.Min(2, properties.Count);
        // Ordered, not MaxBy: MaxBy of no tuples throws where no table has the columns.
        var best = mapped.Where(m => m.Map.Columns.Count(c => c >= 0) >= needed).OrderByDescending(m => m.Map.Score).FirstOrDefault();
        if (best.Table is null) return null;
        var rows = new List<LineItemRow>();
        foreach (var (table, map) in mapped.Where(m => m.Table.Index == best.Table.Index || m.Map.Columns.SequenceEqual(best.Map.Columns) && m.Table.Index > best.Table.Index))
        {
            ReadRows(table, map, properties, rows);
        }
        return rows;
    }

    private void ReadRows(PlacedTable table, ColumnMap map, IReadOnlyList<FieldSpec> properties, List<LineItemRow> rows)
    {
        var description = Enumerable.Range(0, properties.Count).FirstOrDefault(p => properties[p].Type == FieldType.String && map.Columns[p] >= 0, -1);
        for (var r = map.HeaderRow + 1; r < table.Table.RowCount; r++)
        {
            var cells = Enumerable.Range(0, table.Table.ColumnCount).Select(c => texts.CellAt(table.Index, r, c)).ToArray();
            var filled = cells.Where(c => c is not null).ToList();
            if (filled.Count == 0 || filled.Any(c => TotalsRows.IsTotalsLabel(c!.Text))) continue;
            var mappedCells = map.Columns.Select(c => c >= 0 ? cells[c] : null).ToArray();
            if (mappedCells.All(c => c is null)) continue;
            if (description >= 0 && filled.Count == 1 && mappedCells[description] is { } more && rows.Count > 0 && rows[^1].Table == table)
            {
                Continue(rows[^1], description, more);
                continue;
            }
            rows.Add(new LineItemRow(table, [.. properties.Select((p, i) => Read(p, mappedCells[i], map.Columns[i] >= 0))]));
        }
    }

    private ItemCell Read(FieldSpec property, TextUnit? cell, bool hasColumn)
    {
        if (!hasColumn) return new ItemCell(null, null, $"no column header matches '{property.Name}'");
        if (cell is null) return new ItemCell(null, null, "the cell is empty");
        var value = ValueReader.Read(cell.Text, property, hints);
        return value is null
            ? new ItemCell(null, cell, $"\"{cell.Text}\" is not a {property.Type.ToString().ToLowerInvariant()}")
            : new ItemCell(value, cell, null);
    }

    /// <summary>Adds a wrapped description line to the item above.</summary>
    private static void Continue(LineItemRow row, int description, TextUnit more)
    {
        if (row.Cells[description] is not { Value: { } value, Cell: { } cell }) return;
        var text = value.Value!.GetValue<string>() + " " + more.Text.Trim();
        row.Cells[description] = new ItemCell(value with { Value = text, Raw = text }, cell with { Text = cell.Text + "\n" + more.Text }, null);
    }

    /// <summary>Which column each property is read from (-1 for none), the header row, and how well the headers matched.</summary>
    private sealed record ColumnMap(int[] Columns, int HeaderRow, double Score);

    private ColumnMap Columns(PlacedTable table, LabelIndex index, int propertyCount)
    {
        var headerRow = Math.Max(table.Table.HeaderRowCount(), 1) - 1;
        var scores = new List<(int Property, int Column, double Score)>();
        for (var c = 0; c < table.Table.ColumnCount; c++)
        {
            if (texts.CellAt(table.Index, headerRow, c) is not { } header) continue;
            foreach (var match in index.Find(header.Tokens))
            {
                var whole = header.Tokens.Take(match.First).All(t => !t.IsWord) && header.Tokens.Skip(match.Last + 1).All(t => !t.IsWord || !t.HasLetter);
                scores.Add((match.Target, c, match.Score * (whole ? 1 : PartialHeader)));
            }
        }
        var columns = Enumerable.Repeat(-1, propertyCount).ToArray();
        var taken = new HashSet<int>();
        double total = 0;
        foreach (var (property, column, score) in scores.OrderByDescending(s => s.Score))
        {
            if (columns[property] >= 0 || !taken.Add(column)) continue;
            columns[property] = column;
            total += score;
        }
        return new ColumnMap(columns, headerRow, total);
    }
}
