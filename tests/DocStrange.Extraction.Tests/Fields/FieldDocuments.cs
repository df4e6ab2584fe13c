using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests.Fields;

/// <summary>Builds small document models for the field tests: paragraphs one under another, and tables.</summary>
internal sealed class FieldDocuments
{
    private readonly List<Block> _blocks = [];
    private double _top = 50;

    public FieldDocuments Line(string text, double left = 50, BlockRole role = BlockRole.Paragraph)
    {
        _blocks.Add(new Block { Role = role, Text = text, Provenance = new Provenance(1, new BoundingBox(left, _top, left + 6 * text.Length, _top + 10)) });
        _top += 14;
        return this;
    }

    /// <summary>A text of several lines' height at <paramref name="left"/>, and texts standing beside it at the heights of its lines.</summary>
    public FieldDocuments Beside(string text, double left, params string[] aside)
    {
        var lines = Math.Max(aside.Length, 1);
        _blocks.Add(new Block { Role = BlockRole.Paragraph, Text = text, Provenance = new Provenance(1, new BoundingBox(left, _top, left + 100, _top + 14 * lines)) });
        for (var i = 0; i < aside.Length; i++)
        {
            var top = _top + 14 * i;
            _blocks.Add(new Block { Role = BlockRole.Paragraph, Text = aside[i], Provenance = new Provenance(1, new BoundingBox(left + 120, top, left + 200, top + 10)) });
        }
        _top += 14 * lines + 4;
        return this;
    }

    public FieldDocuments Table(params string[][] rows) => Table(rows.SelectMany((row, r) => row.Select((text, c) => new TableCell(r, c, text, IsHeader: r == 0))).ToList(), rows.Length);

    public FieldDocuments Table(List<TableCell> cells, int rowCount)
    {
        var rows = Enumerable.Range(0, rowCount).Select(r => cells.Where(c => c.Row == r).Select(c => c.Text).ToArray()).ToArray();
        var table = new Table(rowCount, cells.Max(c => c.Column + c.ColumnSpan), cells);
        _blocks.Add(new Block { Role = BlockRole.Table, Table = table, Provenance = new Provenance(1, new BoundingBox(50, _top, 500, _top + 14 * rows.Length)) });
        _top += 14 * rows.Length + 10;
        return this;
    }

    public DocumentModel Build() => new()
    {
        Metadata = new DocumentMetadata { FileName = "test.pdf", FileKind = FileKind.Pdf, PageCount = 1 },
        Pages = [new PageInfo(1, 595, 842)],
        Blocks = _blocks,
    };
}
