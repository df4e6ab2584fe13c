using DocStrange.Api.Tests.Hardening;

namespace DocStrange.Api.Tests.Tracing;

/// <summary>Without any exporter the job still carries its request's trace, so one trace id finds the upload and the conversion in the logs.</summary>
public sealed class JobTraceLogTests
{
    [Fact]
    public async Task The_workers_lines_of_a_job_carry_the_trace_id_of_the_request_that_submitted_it()
    {
        var logs = new CapturedLogs();
        using var factory = logs.Host();
        var client = factory.CreateClient();

        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        await client.CompletedContentAsync(jobId);

        var upload = Assert.Single(logs.Entries, e => e.StartsWith("Information DocStrange.Api.Http.RequestLogMiddleware", StringComparison.Ordinal)
            && e.Contains("| method=POST |", StringComparison.Ordinal) && e.Contains("| route=/api/v1/documents |", StringComparison.Ordinal));
        var traceId = System.Text.RegularExpressions.Regex.Match(upload, @"\| trace_id=([0-9a-f]{32}) \|").Groups[1].Value;
        Assert.NotEmpty(traceId);
        var completed = Assert.Single(logs.Entries, e => e.Contains($"Job {jobId} completed", StringComparison.Ordinal));
        Assert.Contains($"trace_id={traceId}", completed, StringComparison.Ordinal);
    }
}
