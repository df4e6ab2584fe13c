using DocStrange.Api.Http;
using DocStrange.Document.Export;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>The download's answer: the stored result as it is, under the content type of its format, as an attachment.</summary>
public static class ResultDownload
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var content = new Dictionary<string, OpenApiMediaType>();
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            // Without parameters: the charset (always UTF-8) is not part of the media type a client matches on.
            var json = format == OutputFormat.Json;
            content[OutputFormats.MediaTypeOf(format).Split(';')[0]] = new()
            {
                Schema = new OpenApiSchema { Type = json ? JsonSchemaType.Object : JsonSchemaType.String, Description = json ? "The document model." : null },
            };
        }
        content["application/zip"] = new()
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "format=zip: result.<ext> for each of the job's formats, and images/<page>-<n>.<ext>." },
        };
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The result in the asked format (UTF-8 text), or with format=zip all of them and the image files in one zip.",
            Content = content,
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Content-Disposition"] = new OpenApiHeader
                {
                    Description = "attachment, with a file name made of the document's name and the format's extension.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>An image file's answer: its bytes under its format's media type.</summary>
    public static Task DescribeImageAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var content = new Dictionary<string, OpenApiMediaType>();
        foreach (var type in ImageMediaTypes.All) content[type] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse { Description = "The image file, as the document stored it or as rendered (PNG).", Content = content };
        return Task.CompletedTask;
    }
}
