using System.Text.Encodings.Web;
using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The document model itself as indented JSON (schema in docs/json-schema.md and docs/document.schema.json):
/// snake_case keys, roles and codes as strings, null members left out, every block kept (page furniture
/// too). Coordinates are PDF points with a top-left origin, rounded to 0.01 pt; confidences to 4 decimals.
/// Text is written unescaped beyond what JSON requires (non-ASCII and HTML characters as they are).
/// </summary>
public sealed class JsonExporter : IDocumentExporter
{
    /// <summary>The version of the wire shape; it changes when a member changes meaning or goes away.</summary>
    public const string SchemaVersion = "1.0";

    private static readonly JsonWireContext Context = new(new JsonSerializerOptions(JsonWireContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Json;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        writer.Write(JsonSerializer.Serialize(ToWire(document, options), Context.WireDocument));
        writer.Write('\n');
    }

    private static WireDocument ToWire(DocumentModel document, ExportOptions options)
    {
        var blocksByPage = BlocksByPage(document.Blocks);
        return new(
            SchemaVersion,
            ToWire(document.Metadata, document.Pages.Count(p => p.Ocr)),
            document.Pages.Select(p => new WirePage(p.Number, Points(p.Width), Points(p.Height), p.Rotation, p.Ocr, p.Hidden ? true : null, p.LayoutFallback ? true : null,
                blocksByPage.TryGetValue(p.Number, out var onPage) ? onPage : [])).ToList(),
            document.Blocks.Select((b, i) => ToWire(b) with { Image = ImageOf(document.Blocks, i, options.Images) }).ToList(),
            document.Warnings.Select(w => new WireWarning(w.Code.Name, w.Message, w.Page)).ToList(),
            document.Extracted is { } extracted ? FieldsJson.ToJson(extracted) : null);
    }

    /// <summary>The indices of the blocks on each page, so a reader of one page need not scan every block.</summary>
    private static Dictionary<int, List<int>> BlocksByPage(IReadOnlyList<Block> blocks)
    {
        var byPage = new Dictionary<int, List<int>>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Provenance is not { } provenance) continue;
            if (!byPage.TryGetValue(provenance.Page, out var onPage)) byPage[provenance.Page] = onPage = [];
            onPage.Add(i);
        }
        return byPage;
    }

    private static WireMetadata ToWire(DocumentMetadata metadata, int ocrPages) => new(
        metadata.FileName, FileKinds.NameOf(metadata.FileKind), metadata.Title, metadata.PageCount,
        ocrPages > 0 ? ocrPages : null,
        ocrPages > 0 ? Confidence(metadata.OcrConfidence) : null);

    private static WireBlock ToWire(Block block) => new(
        JsonNamingPolicy.SnakeCaseLower.ConvertName(block.Role.ToString()),
        block.Text,
        block.Role is BlockRole.Heading or BlockRole.ListItem ? block.Level : null,
        block.Role is BlockRole.ListItem ? block.Ordered : null,
        block.Role is BlockRole.ListItem && block.Ordered ? block.Number : null,
        block.Language,
        Confidence(block.Confidence),
        block.Provenance is { } p ? new WireProvenance(p.Page, p.Box is { } b ? ToWire(b) : null) : null,
        block.Table is { } t ? ToWire(t) : null,
        block.Spans is { Count: > 0 } spans ? spans.Select(ToWire).ToList() : null,
        block.Words is { Count: > 0 } words ? [.. words.Select(w => new WireWord(w.Text, ToWire(w.Box), Confidence(w.Confidence) ?? 0))] : null,
        null);

    // Only where the pixels were asked for and are there: the image file's path, or its data URI.
    private static WireImage? ImageOf(IReadOnlyList<Block> blocks, int index, ImageMode mode)
    {
        var block = blocks[index];
        if (block.Image is not { Format.Length: > 0 } image || mode is not (ImageMode.Embedded or ImageMode.Files)) return null;
        return new WireImage(image.Format, image.Width, image.Height, block.Provenance?.Box is { } box ? ToWire(box) : null,
            PictureLinks.Caption(blocks, index),
            mode == ImageMode.Files ? PictureLinks.Of(block, mode) : null,
            mode == ImageMode.Embedded ? PictureLinks.DataUri(image) : null);
    }

    private static double? Confidence(double? value) => value is { } c && double.IsFinite(c) ? Math.Round(c, 4) : null;

    private static WireSpan ToWire(InlineSpan span) => new(span.Start, span.Length,
        Enum.GetValues<InlineStyle>().Where(s => s != InlineStyle.None && span.Style.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToList(),
        span.Href);

    private static WireBox ToWire(BoundingBox box) => new(Points(box.Left), Points(box.Top), Points(box.Right), Points(box.Bottom));

    private static WireTable ToWire(Table table) => new(table.RowCount, table.ColumnCount,
        table.Cells.Select(c => new WireCell(c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan, c.IsHeader)).ToList());

    private static double Points(double value) => double.IsFinite(value) ? Math.Round(value, 2) : 0;
}
