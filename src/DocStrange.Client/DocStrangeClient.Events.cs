using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DocStrange.Client;

public sealed partial class DocStrangeClient
{
    /// <summary>The SSE event type that carries the job.</summary>
    private const string JobEventType = "job";

    /// <summary>
    /// Follows a job's Server-Sent Events (<c>GET /jobs/{id}/events</c>): the job when the stream opens and at
    /// every status or progress change, ending after the final status. The stream can also end early (a proxy
    /// closing it, a server restart): when the last job yielded is not final, follow it on with
    /// <see cref="WaitForCompletionAsync"/>. An unknown job throws <see cref="DocStrangeApiException"/> at once.
    /// </summary>
    public async IAsyncEnumerable<JobStatus> FollowEventsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, JobPath(jobId, "/events"));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var parser = SseParser.Create(body, (type, data) => type == JobEventType ? data.ToArray() : null);
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is null) continue;
            JobStatus? job;
            try
            {
                job = JsonSerializer.Deserialize<JobStatus>(item.Data, ClientJson.Options);
            }
            catch (JsonException ex)
            {
                throw Unreadable(response, ex);
            }
            if (job is null) throw Unreadable(response, null);
            yield return job;
            if (job.IsFinal) yield break;
        }
    }
}
