using System.Globalization;
using System.Net;

namespace DocStrange.Api.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly List<ApiFactory> _factories = [];

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/api/v1/metrics")]
    public async Task Metrics_answer_in_the_Prometheus_text_format_without_a_key(string path)
    {
        var client = Factory(settings: new() { ["DocStrange:Tiers:AllowAnonymous"] = "false" }).CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE docstrange_jobs gauge", text);
        Assert.Contains("# TYPE http_requests_total counter", text);
        Assert.Contains("# TYPE http_request_duration_seconds histogram", text);
        Assert.Contains("# TYPE http_requests_in_progress gauge", text);
        Assert.DoesNotContain("http_requests_received_total", text);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", text);
    }

    [Fact]
    public async Task Metrics_can_be_switched_off()
    {
        var client = Factory(settings: new() { ["DocStrange:Metrics:Enabled"] = "false" }).CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_completed_job_is_counted_by_submission_attempt_duration_and_pages()
    {
        var client = Factory(withWorkers: true).CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());

        // The worker counts just after the completion is stored, so the job can read completed a moment earlier.
        var text = await ScrapeUntilAsync(client, t => Value(t, "docstrange_job_attempts_total", "outcome=\"completed\"") >= 1);
        Assert.Equal(1, Value(text, "docstrange_job_attempts_total", "outcome=\"completed\""));
        Assert.Equal(1, Value(text, "docstrange_jobs_finished_total", "status=\"completed\""));
        Assert.Equal(1, Value(text, "docstrange_job_duration_seconds_count", "file_type=\"text\""));
        Assert.True(Value(text, "docstrange_pages_processed_total", "file_type=\"text\"") >= 1);
        Assert.Contains("docstrange_layout_fallbacks_total{file_type=\"text\"} 0", text);
        Assert.Equal(1, Value(text, "docstrange_jobs_submitted_total", "outcome=\"created\""));
        Assert.Equal(1, Value(text, "docstrange_jobs", "state=\"completed\""));

        Assert.Equal(1, Value(text, "docstrange_job_queue_wait_seconds_count", "pool=\"cpu\""));

        // Requests are labelled by route template: no job id (nor any raw path) appears.
        Assert.True(Value(text, "http_requests_total", "method=\"GET\"", "route=\"/api/v1/jobs/{id}\"", "status=\"200\"") >= 1);
        Assert.True(Value(text, "http_request_duration_seconds_count", "method=\"POST\"", "route=\"/api/v1/documents\"") >= 1);
        Assert.DoesNotContain(jobId, text);
        Assert.DoesNotContain("note.txt", text);
    }

    [Fact]
    public async Task The_state_gauge_shows_pending_jobs_and_the_queue_by_priority()
    {
        var client = Factory(withWorkers: false, settings: new() { ["DocStrange:Metrics:JobCountCacheDuration"] = "00:00:00" }).CreateClient();
        await client.SubmitAsync(ApiClient.TextForm());
        await client.SubmitAsync(ApiClient.TextForm("Another one."));

        var text = await client.GetStringAsync("/metrics");
        Assert.Equal(2, Value(text, "docstrange_jobs", "state=\"pending\"", "pool=\"cpu\""));
        Assert.Equal(0, Value(text, "docstrange_jobs", "state=\"processing\"", "pool=\"cpu\""));
        Assert.Equal(2, Value(text, "docstrange_queue_depth", "pool=\"cpu\"", "priority=\"normal\""));
        Assert.Equal(2, Value(text, "docstrange_jobs_active", "state=\"pending\""));
        Assert.Equal(0, Value(text, "docstrange_jobs_active", "state=\"processing\""));
        Assert.Equal(0, Value(text, "docstrange_workers", "pool=\"cpu\"", "state=\"idle\""));
    }

    [Fact]
    public async Task Dependencies_that_answer_read_up()
    {
        var client = Factory(withWorkers: false).CreateClient();
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains("# TYPE docstrange_dependency_up gauge", text);
        Assert.Equal(1, Value(text, "docstrange_dependency_up", "component=\"database\""));
        Assert.Equal(1, Value(text, "docstrange_dependency_up", "component=\"storage\""));
    }

    [Fact]
    public async Task Refusals_are_counted_by_route_and_status()
    {
        var client = Factory(withWorkers: false, settings: new() { ["DocStrange:Tiers:AllowAnonymous"] = "false" }).CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no/such/page")).StatusCode);

        var text = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Value(text, "http_requests_total", "method=\"GET\"", "route=\"/api/v1/jobs\"", "status=\"401\""));
        Assert.Equal(1, Value(text, "http_requests_total", "route=\"unmatched\"", "status=\"404\""));
        Assert.DoesNotContain("/no/such/page", text);
    }

    [Fact]
    public async Task Submissions_count_their_file_size_and_result_cache_lookups()
    {
        var client = Factory(withWorkers: true).CreateClient();
        var first = await client.SubmitAsync(ApiClient.TextForm());
        Assert.Equal("completed", (await client.WaitFinalAsync(first)).GetProperty("status").GetString());
        await client.SubmitAsync(ApiClient.TextForm());

        var text = await client.GetStringAsync("/metrics");
        Assert.Equal(1, Value(text, "docstrange_cache_requests_total", "result=\"miss\""));
        Assert.Equal(1, Value(text, "docstrange_cache_requests_total", "result=\"hit\""));
        Assert.Equal(2, Value(text, "docstrange_file_size_bytes_count", "file_type=\"text\""));
        Assert.True(Value(text, "docstrange_file_size_bytes_sum", "file_type=\"text\"") > 0);
    }

    [Fact]
    public async Task Lookups_are_not_counted_while_the_result_cache_is_off()
    {
        var client = Factory(withWorkers: false, settings: new() { ["DocStrange:Jobs:ResultCacheTtl"] = "00:00:00" }).CreateClient();
        await client.SubmitAsync(ApiClient.TextForm());

        var text = await client.GetStringAsync("/metrics");
        Assert.Equal(0, Value(text, "docstrange_cache_requests_total"));
        Assert.Equal(1, Value(text, "docstrange_file_size_bytes_count", "file_type=\"text\""));
    }

    [Fact]
    public async Task Scrapes_within_the_cache_time_reuse_one_reading_of_the_job_table()
    {
        var client = Factory(withWorkers: false, settings: new() { ["DocStrange:Metrics:JobCountCacheDuration"] = "01:00:00" }).CreateClient();
        await client.SubmitAsync(ApiClient.TextForm());
        Assert.Equal(1, Value(await client.GetStringAsync("/metrics"), "docstrange_jobs", "state=\"pending\""));

        await client.SubmitAsync(ApiClient.TextForm("Another one."));
        Assert.Equal(1, Value(await client.GetStringAsync("/metrics"), "docstrange_jobs", "state=\"pending\""));
    }

    private ApiFactory Factory(bool withWorkers = true, Dictionary<string, string>? settings = null)
    {
        var factory = new ApiFactory(withWorkers, settings: settings);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>Scrapes until the condition holds; a bounded number of scrapes, each a real request.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var text = await client.GetStringAsync("/metrics");
            if (condition(text)) return text;
        }
        throw new TimeoutException("The metrics never met the condition.");
    }

    /// <summary>The sum of a metric's samples whose labels include every given <c>name="value"</c> pair.</summary>
    private static double Value(string text, string metric, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    public void Dispose()
    {
        foreach (var factory in _factories) factory.Dispose();
    }
}
