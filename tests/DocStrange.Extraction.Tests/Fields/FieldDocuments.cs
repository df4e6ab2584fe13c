using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests.Fields;

/// <summary>Builds small document models for the field tests: paragraphs one under another, and tables.</summary>
internal sealed class FieldDocuments
{
    private readonly List<Block> _blocks = [];
    private double _top = 50;

    public FieldDocuments Line(string text, double left = 50)
    {
        _blocks.Add(new Block { Role = BlockRole.Paragraph, Text = text, Provenance = new Provenance(1, new BoundingBox(left, _top, left + 6 * text.Length, _top + 10)) });
        _top += 14;
        return this;
    }

    public FieldDocuments Table(params string[][] rows)
    {
        var cells = rows.SelectMany((row, r) => row.Select((text, c) => new TableCell(r, c, text, IsHeader: r == 0))).ToList();
        var table = new Table(rows.Length, rows.Max(r => r.Length), cells);
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
