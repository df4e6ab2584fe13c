using DocStrange.Api.Contracts;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DocStrange.Api.OpenApi;

/// <summary>
/// The events route's answer as it is sent: <c>text/event-stream</c> whose every <c>data</c> is a job,
/// the same JSON as <c>GET /jobs/{id}</c>. The generator would describe the .NET wrapper of an event
/// (data, event type, id) as if it were the payload.
/// </summary>
public static class JobEventStream
{
    public const string MediaType = "text/event-stream";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "A stream of `job` events: `event: job`, `data:` the job (as GET /jobs/{id} answers it), `id:` the job's version. " +
                "The first event is sent at once, then one at every status or progress change; the stream ends after the event with a final status. " +
                "A quiet stream repeats the job every 15 s.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new() { Schema = new OpenApiSchemaReference(nameof(JobView), context.Document) },
            },
        };
        return Task.CompletedTask;
    }
}
