using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DocStrange.Document.Export;

// The JSON export's wire shape (docs/json-schema.md). Members are declared in the order they are written;
// null members are left out.

/// <summary>The whole document as JSON.</summary>
internal sealed record WireDocument(string SchemaVersion, WireMetadata Metadata, IReadOnlyList<WirePage> Pages,
    IReadOnlyList<WireBlock> Blocks, IReadOnlyList<WireWarning> Warnings, JsonObject? Extracted);

/// <summary>Facts about the source file; the OCR members only when some page was OCR'd.</summary>
internal sealed record WireMetadata(string FileName, string FileType, string? Title, int PageCount, int? OcrPages, double? OcrConfidence);

/// <summary>One converted page and the 0-based indices in <c>blocks</c> of the blocks on it.</summary>
internal sealed record WirePage(int Number, double Width, double Height, int Rotation, bool Ocr, bool? Hidden, bool? LayoutFallback, IReadOnlyList<int> Blocks);

/// <summary>One block; level, ordered and number only where they mean something.</summary>
internal sealed record WireBlock(string Role, string Text, int? Level, bool? Ordered, int? Number, string? Language, double? Confidence,
    WireProvenance? Provenance, WireTable? Table, IReadOnlyList<WireSpan>? Spans, IReadOnlyList<WireWord>? Words, WireImage? Image);

/// <summary>A picture's pixels: format, size in pixels, box, caption, and the image file or data URI.</summary>
internal sealed record WireImage(string Format, int Width, int Height, [property: JsonPropertyName("bbox")] WireBox? Box, string Caption, string? File, string? DataUri);

/// <summary>Inline formatting of a block's text: characters [start, start + length) with their styles and link target.</summary>
internal sealed record WireSpan(int Start, int Length, IReadOnlyList<string> Style, string? Href);

/// <summary>One OCR'd word: its text, box and confidence.</summary>
internal sealed record WireWord(string Text, [property: JsonPropertyName("bbox")] WireBox Box, double Confidence);

/// <summary>Page and box of a block.</summary>
internal sealed record WireProvenance(int Page, [property: JsonPropertyName("bbox")] WireBox? Box);

/// <summary>A box in PDF points, origin at the page's top-left corner.</summary>
internal sealed record WireBox(double Left, double Top, double Right, double Bottom);

/// <summary>A table's size and cells.</summary>
internal sealed record WireTable(int RowCount, int ColumnCount, IReadOnlyList<WireCell> Cells);

/// <summary>One cell at its top-left position.</summary>
internal sealed record WireCell(int Row, int Column, string Text, int RowSpan, int ColumnSpan, bool IsHeader);

/// <summary>A warning of a partial success.</summary>
internal sealed record WireWarning(string Code, string Message, int? Page);

/// <summary>Source-generated serialisation metadata for the wire shape.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(WireDocument))]
internal sealed partial class JsonWireContext : JsonSerializerContext;
