using System.Text.Json.Serialization;

namespace DocStrange.Document.Export;

// The chunks output's wire shape (docs/chunks.md). Members are written in this order; null members are left out.

/// <summary>One chunk as JSON.</summary>
internal sealed record WireChunk(int Index, string Text, IReadOnlyList<string> HeadingPath, int? PageStart, int? PageEnd,
    IReadOnlyList<WirePageBox> Bboxes, IReadOnlyList<int> Blocks, int Tokens);

/// <summary>The box of one of a chunk's blocks, with its page.</summary>
internal sealed record WirePageBox(int Page, [property: JsonPropertyName("bbox")] WireBox Box);

/// <summary>Source-generated serialisation metadata for the chunks output.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(IReadOnlyList<WireChunk>))]
internal sealed partial class ChunkWireContext : JsonSerializerContext;
