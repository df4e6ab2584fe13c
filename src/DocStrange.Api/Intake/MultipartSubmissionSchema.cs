using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.Intake;

/// <summary>
/// The fields of <c>POST /documents</c> (multipart/form-data) for the OpenAPI document. The body is
/// read as a stream, not bound to a type: the file goes to storage as it arrives, so the request body
/// is described here instead of by a parameter.
/// </summary>
public static class MultipartSubmissionSchema
{
    private static readonly (string Name, string Description)[] Fields =
    [
        ("output_format", "One or a comma list of markdown, json, html, csv, text, fields (default markdown)."),
        ("processing_mode", "auto, cpu or gpu (default auto)."),
        ("pages", "Page ranges such as 1-3,7 (default all)."),
        ("ocr", "auto, always or never (default auto)."),
        ("languages", "OCR languages, e.g. eng,deu (default eng)."),
        ("priority", "express, normal or batch (default normal)."),
        ("password", "The password of a protected PDF."),
        ("include_notes", "true to convert presentation speaker notes too (default false)."),
        ("table_spans", "once or repeat: Markdown writes a cell spanning several rows or columns once (default) or at every position it covers."),
        ("webhook_url", "An http(s) URL that receives signed job.completed / job.failed / job.cancelled events."),
        ("extract_fields", "Fields to extract: names, each optionally name:type (string, number, integer, date, currency, boolean); at most 50."),
        ("json_schema", "A JSON Schema (draft 2020-12 subset) whose object to fill from the document, instead of extract_fields."),
    ];

    /// <summary>Adds the multipart request body to the operation.</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["file"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "binary",
                Description = "The document; its extension names its type and must agree with its content.",
            },
        };
        foreach (var (name, description) in Fields) properties[name] = new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "file" }, Properties = properties } },
            },
        };
        return Task.CompletedTask;
    }
}
