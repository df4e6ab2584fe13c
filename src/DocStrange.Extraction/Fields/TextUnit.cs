using DocStrange.Document.Model;
using DocStrange.Extraction.Fields.Labels;

namespace DocStrange.Extraction.Fields;

/// <summary>A cell's place: the table's index among the document's tables, its row and column.</summary>
internal readonly record struct CellPlace(int Table, int Row, int Column);

/// <summary>
/// One stretch of the document's text a label and its value are looked for in: a line of a block, or a
/// table cell; with its tokens, page and box, and its place in reading order.
/// </summary>
internal sealed record TextUnit(int Order, string Text, LabelToken[] Tokens, int Page, BoundingBox? Box)
{
    /// <summary>Where the unit stands when it is a table cell.</summary>
    public CellPlace? Cell { get; init; }

    /// <summary>Whether the unit is the document's title ("INVOICE"), which names the document, not a value beside it.</summary>
    public bool IsTitle { get; init; }
}
