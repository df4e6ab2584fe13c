using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DocStrange.SystemTests.Tracing;

/// <summary>
/// One trace follows a document from the upload, through the worker process that converts it, to the
/// webhook: `docstrange api` and `docstrange worker` export over OTLP/HTTP to a collector in the test,
/// and the trace context crosses between them only on the job's row.
/// </summary>
public sealed class TraceAcrossProcessesTests
{
    [Fact]
    public async Task The_upload_request_the_worker_conversion_and_the_webhook_are_one_trace_and_its_id_is_in_the_logs()
    {
        using var collector = LoopbackReceiver.Start();
        using var receiver = LoopbackReceiver.Start();
        using var cluster = new Cluster(settings: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["DOCSTRANGE__WEBHOOKS__SECRET"] = "whsec_trace_test",
            ["DOCSTRANGE__WEBHOOKS__ALLOWPRIVATETARGETS"] = "true",
            ["DOCSTRANGE__WEBHOOKS__POLLINTERVAL"] = "00:00:00.100",
        });
        var api = cluster.StartApi();
        var worker = cluster.StartWorker();
        await cluster.WaitReadyAsync(api);

        var jobId = await SubmitAsync(cluster.Http, receiver.Url + "/hook");
        var job = await WaitFinalAsync(cluster, jobId);
        Assert.True(job.GetProperty("status").GetString() == "completed", $"job {job}\nworker:\n{worker.Output}");
        var webhook = await WaitForAsync(() => receiver.Requests.FirstOrDefault(r => r.Path == "/hook"), "the webhook", worker);

        var spans = await WaitForAsync(() =>
        {
            var all = collector.Requests.Where(r => r.Path == "/v1/traces").SelectMany(r => OtlpTraceRequest.Spans(r.Body)).ToList();
            return all.Any(s => s.Name == "webhook.deliver" && s.Attribute("docstrange.job.id") == jobId)
                && all.Any(s => s.Name == "job.enqueue" && s.Attribute("docstrange.job.id") == jobId) ? all : null;
        }, "the spans of the job", worker);

        var process = Assert.Single(spans, s => s.Name == "job.process" && s.Attribute("docstrange.job.id") == jobId);
        var trace = spans.Where(s => s.TraceId == process.TraceId).ToList();
        var described = string.Join("\n", trace);
        var upload = Assert.Single(trace, s => s.Kind == ExportedSpan.Server && s.Attribute("http.route") == "/api/v1/documents");
        Assert.True(upload.Service == "docstrange-api" && upload.ParentSpanId.Length == 0, described);
        var enqueue = Assert.Single(trace, s => s.Name == "job.enqueue");
        Assert.True(enqueue is { Service: "docstrange-api", Kind: ExportedSpan.Producer } && enqueue.ParentSpanId == upload.SpanId, described);
        // The worker is another process: it finds its parent only in the traceparent stored with the job.
        Assert.True(process is { Service: "docstrange-worker", Kind: ExportedSpan.Consumer } && process.ParentSpanId == enqueue.SpanId, described);
        foreach (var stage in new[] { "job.claim", "job.convert", "job.store" })
        {
            Assert.True(trace.Any(s => s.Name == stage && s.ParentSpanId == process.SpanId && s.Service == "docstrange-worker"), $"no {stage} under job.process:\n{described}");
        }
        var delivery = Assert.Single(trace, s => s.Name == "webhook.deliver");
        Assert.True(delivery.Service == "docstrange-worker" && delivery.ParentSpanId == enqueue.SpanId && delivery.Attribute("http.response.status_code") == "200", described);
        // Under the delivery also its reads of the result and its record of the attempt: the POST is the one to the receiver.
        var post = Assert.Single(trace, s => s.Kind == ExportedSpan.Client && s.ParentSpanId == delivery.SpanId && s.Attribute("http.request.method") == "POST");
        Assert.Equal(receiver.Url + "/hook", post.Attribute("url.full"));
        // The receiver is told the trace too, and can continue it.
        Assert.Contains($"-{process.TraceId}-", webhook.Headers.GetValueOrDefault("traceparent") ?? "", StringComparison.Ordinal);

        await WaitForAsync(() => LogLines(api.Output).Any(line => line.TryGetProperty("State", out var state)
            && Text(state, "route") == "/api/v1/documents" && Text(state, "trace_id") == process.TraceId) ? "" : null,
            "the upload's request log line with the trace id", api);
        await WaitForAsync(() => LogLines(worker.Output).Any(line => Text(line, "Message")?.Contains($"Job {jobId} completed", StringComparison.Ordinal) == true
            && line.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(scope => Text(scope, "trace_id") == process.TraceId)) ? "" : null,
            "the worker's completion log line with the trace id", worker);
    }

    private static async Task<string> SubmitAsync(HttpClient http, string webhookUrl)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Traced document\n\nOne paragraph.\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "traced.txt");
        form.Add(new StringContent(webhookUrl), "webhook_url");
        using var response = await http.PostAsync("api/v1/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!;
    }

    private static async Task<JsonElement> WaitFinalAsync(Cluster cluster, string jobId)
    {
        for (var i = 0; i < 12; i++)
        {
            var job = await cluster.GetJobAsync(jobId, wait: 5);
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") return job;
        }
        throw new TimeoutException($"Job {jobId} did not finish.");
    }

    /// <summary>Waits (up to 30 s) for <paramref name="probe"/> to find something; fails with the process's output otherwise.</summary>
    private static async Task<T> WaitForAsync<T>(Func<T?> probe, string what, ServiceProcess process) where T : class
    {
        for (var i = 0; i < 300; i++)
        {
            if (probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {what} within 30 s. Output of the process:\n{process.Output}");
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The JSON log lines of a process's output.</summary>
    private static IEnumerable<JsonElement> LogLines(string output) =>
        output.Split('\n').Where(l => l.StartsWith('{')).Select(l =>
        {
            try
            {
                return JsonDocument.Parse(l).RootElement.Clone();
            }
            catch (JsonException)
            {
                return default;
            }
        }).Where(e => e.ValueKind == JsonValueKind.Object);
}
