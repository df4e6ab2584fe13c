using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Document.Tests.Export;

/// <summary>Small hand-built documents for the exporter tests.</summary>
internal static class Docs
{
    public static DocumentModel Of(params Block[] blocks) => new()
    {
        Metadata = new DocumentMetadata { FileName = "sample.pdf", FileKind = FileKind.Pdf, PageCount = 1 },
        Pages = [new PageInfo(1, 612, 792)],
        Blocks = blocks,
    };

    public static string Render(OutputFormat format, DocumentModel document, ExportOptions? options = null) =>
        DocumentExporters.ExportToString(document, format, options);

    public static Block Title(string text) => new() { Role = BlockRole.Title, Text = text };

    public static Block Heading(int level, string text) => new() { Role = BlockRole.Heading, Text = text, Level = level };

    public static Block Para(string text, int page = 1) => new() { Role = BlockRole.Paragraph, Text = text, Provenance = new Provenance(page) };

    public static Block Item(string text, int level = 0, bool ordered = false) =>
        new() { Role = BlockRole.ListItem, Text = text, Level = level, Ordered = ordered };

    public static Block Numbered(string text, int level = 0) => Item(text, level, ordered: true);

    public static Block Code(string text, string? language = null) => new() { Role = BlockRole.Code, Text = text, Language = language };

    public static Block Role(BlockRole role, string text = "") => new() { Role = role, Text = text };

    public static Block TableBlock(Table table) => new() { Role = BlockRole.Table, Table = table, Provenance = new Provenance(1) };

    /// <summary>
    /// Two header rows (Region spans both, Sales spans two columns) and two body rows (North spans both):
    /// <code>
    /// | Region | Sales       |
    /// |        | 2023 | 2024 |
    /// | North  | 10   | a|b  |
    /// |        | 20   | 30   |
    /// </code>
    /// </summary>
    public static Table SpanTable() => new(4, 3,
    [
        new TableCell(0, 0, "Region", RowSpan: 2, IsHeader: true),
        new TableCell(0, 1, "Sales", ColumnSpan: 2, IsHeader: true),
        new TableCell(1, 1, "2023", IsHeader: true),
        new TableCell(1, 2, "2024", IsHeader: true),
        new TableCell(2, 0, "North", RowSpan: 2),
        new TableCell(2, 1, "10"),
        new TableCell(2, 2, "a|b"),
        new TableCell(3, 1, "20"),
        new TableCell(3, 2, "30"),
    ]);

    /// <summary>A 2×2 table without header flags.</summary>
    public static Table Plain(string a, string b, string c, string d) => new(2, 2,
        [new TableCell(0, 0, a), new TableCell(0, 1, b), new TableCell(1, 0, c), new TableCell(1, 1, d)]);

    /// <summary>One block of every role, with provenance, confidence, a table and a warning.</summary>
    public static DocumentModel EveryRole() => new()
    {
        Metadata = new DocumentMetadata { FileName = "every.pdf", FileKind = FileKind.Pdf, Title = "Every role", PageCount = 3 },
        Pages = [new PageInfo(1, 612, 792), new PageInfo(2, 612.3333333, 792, Rotation: 90, Ocr: true)],
        Blocks =
        [
            new Block { Role = BlockRole.PageHeader, Text = "ACME report", Provenance = new Provenance(1, new BoundingBox(72, 20, 300, 32)) },
            new Block { Role = BlockRole.Title, Text = "Every role", Provenance = new Provenance(1, new BoundingBox(72, 60.123456, 540, 90)) },
            new Block { Role = BlockRole.Heading, Text = "Intro", Level = 1, Provenance = new Provenance(1) },
            new Block { Role = BlockRole.Paragraph, Text = "Body <b>text</b> é", Confidence = 0.912345, Provenance = new Provenance(2) },
            new Block { Role = BlockRole.ListItem, Text = "first", Level = 0, Ordered = true, Number = 150 },
            new Block { Role = BlockRole.ListItem, Text = "inner", Level = 1 },
            new Block { Role = BlockRole.Table, Table = SpanTable(), Provenance = new Provenance(1) },
            new Block { Role = BlockRole.Picture, Level = 3 },
            new Block { Role = BlockRole.Caption, Text = "Figure 1" },
            new Block { Role = BlockRole.Footnote, Text = "1 A note." },
            new Block { Role = BlockRole.Code, Text = "x = 1\ny = 2", Language = "python" },
            new Block { Role = BlockRole.Formula, Text = "E = mc^2" },
            new Block { Role = BlockRole.PageFooter, Text = "Page 1" },
        ],
        Warnings = [new DocumentWarning(ErrorCode.OcrFailed, "Page 3 could not be recognised.", 3), new DocumentWarning(ErrorCode.UnreadableDocument, "An embedded part was skipped.")],
    };
}
