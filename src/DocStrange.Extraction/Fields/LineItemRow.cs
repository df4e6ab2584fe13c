using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>What one item property holds in one row: the value and its cell, or why it has none.</summary>
internal sealed record ItemCell(TypedValue? Value, TextUnit? Cell, string? Reason);

/// <summary>One row of a line-item table read as an object: a cell per item property, in the order of the properties.</summary>
internal sealed record LineItemRow(PlacedTable Table, ItemCell[] Cells);
