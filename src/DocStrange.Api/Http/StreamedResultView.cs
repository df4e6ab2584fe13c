using System.Buffers;
using System.IO.Pipelines;
using System.Reflection;
using System.Text;
using System.Text.Json;
using DocStrange.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DocStrange.Api.Http;

/// <summary>
/// A <see cref="ResultView"/> written while its <c>content</c> is read from the stored result: the
/// stored text is copied into the JSON string a chunk at a time, escaped as it goes, so the answer
/// never holds the whole result. Serialising the result as one string instead costs memory in
/// proportion to its size (several times over, as text and as JSON) and fails outright past the JSON
/// writer's limit for one value (about 166 MB).
/// </summary>
internal sealed class StreamedResultView(string jobId, string format, ResultMetadata metadata, Stream content)
    : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    /// <summary>Characters copied per chunk: at most six bytes each once escaped, so a chunk stays well under 100 KB.</summary>
    private const int ChunkChars = 16 * 1024;

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext http)
    {
        await using var stored = content;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var cancellationToken = http.RequestAborted;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";

        // On the response's pipe, not its stream: the serializer flushes the writer synchronously, which
        // for a pipe only hands over the bytes; sending them is left to the awaited flushes below.
        var body = http.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            MaxDepth = options.MaxDepth,
        });
        // Member by member from ResultView's own contract (names, order), so this body is exactly what
        // serialising the record would write, and what the OpenAPI document describes.
        var view = new ResultView(jobId, format, Content: "", metadata);
        var contract = options.GetTypeInfo(typeof(ResultView));
        var contentName = options.PropertyNamingPolicy?.ConvertName(nameof(ResultView.Content)) ?? nameof(ResultView.Content);
        writer.WriteStartObject();
        foreach (var member in contract.Properties)
        {
            writer.WritePropertyName(member.Name);
            if (member.Name == contentName) await WriteContentAsync(writer, body, stored, cancellationToken);
            else JsonSerializer.Serialize(writer, member.Get!(view), options.GetTypeInfo(member.PropertyType));
        }
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The stored text as one JSON string, written in segments. The reader decodes as the whole-string
    /// read did (UTF-8, a byte order mark honoured, bad bytes replaced); the writer keeps a surrogate pair
    /// split between two chunks whole.
    /// </summary>
    private static async Task WriteContentAsync(Utf8JsonWriter writer, PipeWriter body, Stream stored, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stored, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: ChunkChars, leaveOpen: true);
        var chunk = ArrayPool<char>.Shared.Rent(ChunkChars);
        try
        {
            int read;
            while ((read = await reader.ReadAsync(chunk.AsMemory(0, ChunkChars), cancellationToken)) > 0)
            {
                writer.WriteStringValueSegment(chunk.AsSpan(0, read), isFinalSegment: false);
                writer.Flush();
                await body.FlushAsync(cancellationToken);
            }
            writer.WriteStringValueSegment(ReadOnlySpan<char>.Empty, isFinalSegment: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    /// <summary>Describes the answer exactly as <c>Ok&lt;ResultView&gt;</c> does, so the OpenAPI document does not change.</summary>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        PopulateAs<Ok<ResultView>>(method, builder);

    private static void PopulateAs<TResult>(MethodInfo method, EndpointBuilder builder) where TResult : IEndpointMetadataProvider =>
        TResult.PopulateMetadata(method, builder);
}
