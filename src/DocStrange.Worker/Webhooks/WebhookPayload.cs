using System.Text.Json;
using System.Text.Json.Nodes;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Webhooks;

namespace DocStrange.Worker.Webhooks;

/// <summary>
/// The JSON body of a delivery: <c>{event, event_id, job_id, status, result, error, timestamp}</c>. The
/// event's fixed facts come from the outbox row; result and error from the (final, so unchanging) job.
/// </summary>
public sealed class WebhookPayload(IBlobStore blobs, WebhookOptions options)
{
    /// <summary>The largest result sent inline as <c>result.content</c>; larger ones are fetched from <c>result_url</c>.</summary>
    public const long MaxInlineBytes = 256 * 1024;

    /// <summary>The body to send for <paramref name="delivery"/> of <paramref name="job"/>.</summary>
    public async Task<string> BuildAsync(WebhookDelivery delivery, Job job, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(delivery.Payload)?.AsObject() ?? throw new InvalidDataException($"Delivery {delivery.Id} has no payload.");
        var timestamp = body["timestamp"]?.DeepClone();
        body.Remove("timestamp");
        body["result"] = job.State == JobState.Completed && job.Result is { } result ? await ResultAsync(job, result, cancellationToken) : null;
        body["error"] = job.State != JobState.Completed && job.Error is { } error
            ? new JsonObject { ["code"] = error.Code.Name, ["message"] = error.Message }
            : null;
        body["timestamp"] = timestamp;
        return body.ToJsonString();
    }

    private async Task<JsonObject> ResultAsync(Job job, JobResult result, CancellationToken cancellationToken)
    {
        var format = job.Options.Formats[0];
        var node = new JsonObject
        {
            ["format"] = OutputFormats.NameOf(format),
            ["result_url"] = (options.PublicBaseUrl?.TrimEnd('/') ?? "") + $"/api/v1/jobs/{job.Id}/result",
            ["metadata"] = JsonSerializer.SerializeToNode(new Dictionary<string, object?>
            {
                ["file_name"] = job.Input.FileName,
                ["file_type"] = FileKinds.NameOf(job.Input.Kind),
                ["file_size"] = job.Input.Size,
                ["pages_processed"] = result.PagesProcessed,
                ["page_count"] = result.PageCount,
                ["processing_time_ms"] = result.ProcessingTimeMs,
                ["ocr_pages"] = result.OcrPages,
                ["warnings"] = result.Warnings.Select(w => new Dictionary<string, object?> { ["code"] = w.Code, ["message"] = w.Message, ["page"] = w.Page }).ToList(),
                ["cached"] = result.Cached,
            }),
        };
        if (await InlineContentAsync(job, result, format, cancellationToken) is { } content) node.Insert(0, "content", content);
        return node;
    }

    private async Task<string?> InlineContentAsync(Job job, JobResult result, OutputFormat format, CancellationToken cancellationToken)
    {
        if (job.Purged || !result.Sizes.TryGetValue(OutputFormats.NameOf(format), out var size) || size > MaxInlineBytes) return null;
        await using var stream = await blobs.OpenReadAsync(BlobKeys.Result(job.Id, format), cancellationToken);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
