using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>Signed webhooks: one event per final job, verified with the .NET client, retried on failure.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task Each_completed_job_sends_exactly_one_signed_job_completed_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = new ApiFactory(settings: WebhookReceiver.Settings());
        var client = factory.CreateClient();
        var jobIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            jobIds.Add(await client.SubmitAsync(ApiClient.TextForm($"Document {i}\n", ("webhook_url", receiver.Url))));
        }

        foreach (var jobId in jobIds)
        {
            var delivered = await receiver.WaitForAcceptedAsync(d => d.JobId == jobId);
            Assert.True(delivered.SignatureValid, "the signature did not verify with the client's WebhookSignature");
            Assert.Equal("job.completed", delivered.Event);
            Assert.Equal("completed", delivered.Json.GetProperty("status").GetString());
            Assert.Equal(delivered.EventId, delivered.EventIdHeader);
            Assert.StartsWith("evt_", delivered.EventId, StringComparison.Ordinal);
            Assert.Equal("application/json", delivered.ContentType.Split(';')[0]);
            var result = delivered.Json.GetProperty("result");
            Assert.Contains($"Document {jobIds.IndexOf(jobId)}", result.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.Equal($"/api/v1/jobs/{jobId}/result", result.GetProperty("result_url").GetString());
            Assert.Equal(1, result.GetProperty("metadata").GetProperty("pages_processed").GetInt32());
            Assert.Equal(JsonValueKind.Null, delivered.Json.GetProperty("error").ValueKind);

            var webhook = await WaitDeliveredAsync(client, jobId);
            Assert.Equal(receiver.Url, webhook.GetProperty("url").GetString());
            var delivery = Assert.Single(webhook.GetProperty("deliveries").EnumerateArray());
            Assert.Equal(delivered.EventId, delivery.GetProperty("event_id").GetString());
            Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
            Assert.Equal(200, delivery.GetProperty("last_status").GetInt32());
        }
        // Every delivery is recorded as delivered, so nothing more is sent: one event per job, no more.
        foreach (var jobId in jobIds) Assert.Single(receiver.Deliveries, d => d.JobId == jobId);
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_event_on_the_third_attempt_and_each_attempt_is_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        using var factory = new ApiFactory(settings: WebhookReceiver.Settings());
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm(fields: ("webhook_url", receiver.Url)));

        await receiver.WaitForAcceptedAsync(d => d.JobId == jobId);
        var webhook = await WaitDeliveredAsync(client, jobId);
        var delivery = Assert.Single(webhook.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("last_status").GetInt32());
        Assert.True(delivery.TryGetProperty("delivered_at", out var at) && at.ValueKind == JsonValueKind.String);
        var attempts = receiver.Deliveries.Where(d => d.JobId == jobId).ToList();
        Assert.Equal([false, false, true], attempts.Select(a => a.Accepted));
        // A retry sends the same event: receivers de-duplicate on its id.
        Assert.Single(attempts.Select(a => a.EventId).Distinct());
        Assert.All(attempts, a => Assert.True(a.SignatureValid));

        // The dispatcher counts just after it records the attempt, so the metrics may lag the stored delivery a moment.
        var metrics = "";
        for (var i = 0; i < 200 && !metrics.Contains("docstrange_webhook_deliveries_total{outcome=\"delivered\"} 1", StringComparison.Ordinal); i++)
        {
            metrics = await client.GetStringAsync("/metrics");
        }
        Assert.Contains("docstrange_webhook_deliveries_total{outcome=\"delivered\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("docstrange_webhook_deliveries_total{outcome=\"retried\"} 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_job_sends_job_cancelled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var reader = new TestReaders.Endless();
        using var factory = new ApiFactory(services: ApiFactory.WithReaders(reader), settings: WebhookReceiver.Settings());
        var client = factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.Form("long.md", "# Long\n"u8.ToArray(), ("webhook_url", receiver.Url)));
        await reader.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await client.DeleteAsync($"/api/v1/jobs/{jobId}");
        var delivered = await receiver.WaitForAcceptedAsync(d => d.JobId == jobId);
        Assert.Equal("job.cancelled", delivered.Event);
        Assert.Equal("cancelled", delivered.Json.GetProperty("status").GetString());
        Assert.True(delivered.SignatureValid);
        Assert.Equal(JsonValueKind.Null, delivered.Json.GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook", "127.0.0.1")]
    [InlineData("http://10.1.2.3/hook", "10.1.2.3")]
    [InlineData("http://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("http://[::1]/hook", "::1")]
    [InlineData("http://192.0.2.1/hook", "192.0.2.1")]
    [InlineData("http://[2001:db8::1]/hook", "2001:db8::1")]
    [InlineData("http://localhost/hook", null)]
    public async Task A_private_webhook_url_is_refused_unless_private_targets_are_allowed(string url, string? address)
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Webhooks:Secret"] = "s3cret" });
        var client = factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("webhook_url", url)));
        var problem = await ApiClient.ProblemAsync(response, 400, "URL_NOT_ALLOWED");
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal("webhook_url", details.GetProperty("field").GetString());
        Assert.Equal("private_address", details.GetProperty("reason").GetString());
        if (address is not null) Assert.Equal(address, details.GetProperty("address").GetString());

        using var allowing = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string>
        {
            ["DocStrange:Webhooks:Secret"] = "s3cret", ["DocStrange:Webhooks:AllowPrivateTargets"] = "true",
        });
        await allowing.CreateClient().SubmitAsync(ApiClient.TextForm(fields: ("webhook_url", url)));
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/relative/hook")]
    [InlineData("https://user:pw@example.com/hook")]
    public async Task A_malformed_webhook_url_is_an_invalid_request(string url)
    {
        using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Webhooks:Secret"] = "s3cret" });
        var response = await factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("webhook_url", url)));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal("webhook_url", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task Without_a_signing_secret_a_webhook_url_is_refused_as_not_configured()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var response = await factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("webhook_url", "https://example.com/hook")));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Contains("not configured", problem.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Polls the job (bounded) until its deliveries are all delivered; returns its <c>webhook</c>.</summary>
    private static async Task<JsonElement> WaitDeliveredAsync(HttpClient client, string jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
            var webhook = job.GetProperty("webhook");
            var deliveries = webhook.GetProperty("deliveries").EnumerateArray().ToList();
            if (deliveries.Count > 0 && deliveries.All(d => d.GetProperty("state").GetString() == "delivered")) return webhook;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The webhook of {jobId} was not delivered.");
    }
}
