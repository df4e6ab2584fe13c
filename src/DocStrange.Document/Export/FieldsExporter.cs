using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The <c>fields</c> output: the extracted fields alone, as indented JSON (see <see cref="FieldsJson"/>).
/// A document converted without fields asked for writes an empty result saying so.
/// </summary>
public sealed class FieldsExporter : IDocumentExporter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Fields;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var json = document.Extracted is { } extracted
            ? FieldsJson.ToJson(extracted)
            : new JsonObject { ["data"] = null, ["fields"] = new JsonObject(), ["reason"] = "no fields were asked for" };
        writer.Write(json.ToJsonString(Indented));
        writer.Write('\n');
    }
}
