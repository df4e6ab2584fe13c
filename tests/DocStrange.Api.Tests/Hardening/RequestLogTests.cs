namespace DocStrange.Api.Tests.Hardening;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_line_with_its_route_status_duration_request_id_key_id_and_trace_id_but_not_the_key()
    {
        var logs = new CapturedLogs();
        using var factory = logs.Host(Tenants.Settings(), withWorkers: false);
        var (keyId, secret) = await factory.CreateKeyAsync("logged");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/job_{new string('a', 26)}?wait=1") { Headers = { { "X-Request-ID", "log-test.42" } } };
        Assert.Equal(404, (int)(await factory.WithKey(secret).SendAsync(request)).StatusCode);
        await factory.CreateClient().GetAsync("/api/v1/health/live");

        var lines = logs.Entries.Where(e => e.StartsWith("Information DocStrange.Api.Http.RequestLogMiddleware", StringComparison.Ordinal))
            // The line's own fields, before the scopes the host adds (the framework's scope has the raw path).
            .Select(l => l[..l.IndexOf(" | scope", StringComparison.Ordinal)]).ToList();
        var line = Assert.Single(lines, l => l.Contains("| request_id=log-test.42 |", StringComparison.Ordinal));
        Assert.Contains("| method=GET |", line);
        Assert.Contains("| route=/api/v1/jobs/{id} |", line);
        Assert.Contains("| status=404 |", line);
        Assert.Contains($"| key_id={keyId} |", line);
        Assert.Matches(@"\| duration_ms=\d+(\.\d)? \|", line);
        // The trace id finds the request's job in the worker's lines too.
        Assert.Matches(@"\| trace_id=[0-9a-f]{32} \|", line);
        Assert.DoesNotContain("job_aaaa", line);
        Assert.DoesNotContain(secret, string.Join("\n", logs.Entries));
        // An anonymous request has its line too, without a key id.
        Assert.Contains(lines, l => l.Contains("| route=/api/v1/health/live |", StringComparison.Ordinal) && l.Contains("| key_id= |", StringComparison.Ordinal));
    }
}
