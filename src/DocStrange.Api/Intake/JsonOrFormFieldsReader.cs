using System.Text.Json;
using DocStrange.Api.Http;
using DocStrange.Document.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace DocStrange.Api.Intake;

/// <summary>
/// Reads the option fields of a submission that carries no file (from-url, completing a resumable
/// upload) from a JSON object or a form, into the shape <see cref="JobOptionsParser"/> takes:
/// a JSON array is a repeated field, a number or boolean its text, a nested object (a schema) its JSON.
/// </summary>
internal static class JsonOrFormFieldsReader
{
    /// <summary>The largest body of fields accepted.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The fields of the request's body; an empty body has none.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes) throw Invalid($"The request body may be at most {MaxBodyBytes / 1024} KB.");
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBodyBytes, ValueLengthLimit = MaxBodyBytes }, cancellationToken);
            }
            catch (Exception ex) when (MalformedBody.IsCause(ex))
            {
                // The form reader refuses a decoded NUL (%00), too many fields and a cut multipart body alike.
                throw Invalid("The form body cannot be read: it is cut short, malformed, or a field holds a character that is not allowed (such as %00).");
            }
            if (form.Files.Count > 0) throw Invalid("This route takes no file part; its document comes from elsewhere.");
            return form.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Select(v => v ?? "")], StringComparer.Ordinal);
        }
        if (request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)) return new(StringComparer.Ordinal);
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("Send the options as a JSON object (Content-Type: application/json) or as form fields.");
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw Invalid("The request body is not valid JSON.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Invalid("The request body must be a JSON object.");
            var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            try
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null) continue;
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                        ? [.. property.Value.EnumerateArray().Select(TextOf)]
                        : [TextOf(property.Value)];
                }
            }
            catch (InvalidOperationException)
            {
                // The parser checks the syntax only: a name or string holding bytes that are not UTF-8, or an
                // escaped half of a surrogate pair, fails when it is read as text.
                throw Invalid("The request body is not valid JSON: a name or a string in it is not valid UTF-8 text.");
            }
            return fields;
        }
    }

    /// <summary>Takes one field out of <paramref name="fields"/> (so the options parser does not see it as unknown); null when absent.</summary>
    public static string? Take(Dictionary<string, IReadOnlyList<string>> fields, string name)
    {
        if (!fields.Remove(name, out var values)) return null;
        if (values.Count != 1) throw new DocStrangeException(ErrorCode.InvalidRequest, $"'{name}' must be given once.",
            new Dictionary<string, object?> { ["field"] = name });
        return values[0];
    }

    private static string TextOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static DocStrangeException Invalid(string message) => new(ErrorCode.InvalidRequest, message);
}
