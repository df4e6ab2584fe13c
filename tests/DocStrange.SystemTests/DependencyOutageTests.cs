using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.SystemTests;

public sealed class DependencyOutageTests
{
    private static MultipartFormDataContent Pdf(int pages, string name)
    {
        var file = new ByteArrayContent(LongPdf.Create(pages));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<string> SubmitAsync(Cluster cluster, int pages, string name)
    {
        using var response = await cluster.Http.PostAsync("api/v1/documents", Pdf(pages, name));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!;
    }

    private static async Task<JsonElement> WaitFinalAsync(Cluster cluster, string jobId, int polls = 12)
    {
        JsonElement job = default;
        for (var i = 0; i < polls; i++)
        {
            job = await cluster.GetJobAsync(jobId, wait: 10);
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") break;
        }
        return job;
    }

    [Fact]
    public async Task While_postgresql_is_down_the_api_answers_503_with_retry_after_and_afterwards_nothing_is_lost()
    {
        using var postgres = DedicatedServer.Postgres();
        using var cluster = new Cluster($"Host=127.0.0.1;Port={postgres.Port};Username=postgres;Database=docstrange;Timeout=3");
        var api = cluster.StartApi();
        var worker = cluster.StartWorker();
        await cluster.WaitReadyAsync(api);
        var before = await SubmitAsync(cluster, 3, "before.pdf");
        Assert.Equal("completed", (await WaitFinalAsync(cluster, before)).GetProperty("status").GetString());

        postgres.Stop();
        using (var down = await cluster.Http.GetAsync($"api/v1/jobs/{before}"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("5", down.Headers.GetValues("Retry-After").Single());
            Assert.Contains("SERVICE_UNAVAILABLE", await down.Content.ReadAsStringAsync());
        }
        using (var refused = await cluster.Http.PostAsync("api/v1/documents", Pdf(1, "during.pdf")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        postgres.Start();
        // The connection pools find the server again by themselves: the old job is there, and new work runs.
        JsonElement again = default;
        for (var i = 0; i < 50; i++)
        {
            using var response = await cluster.Http.GetAsync($"api/v1/jobs/{before}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                again = await response.Content.ReadFromJsonAsync<JsonElement>();
                break;
            }
            await Task.Delay(200);
        }
        Assert.Equal("completed", again.GetProperty("status").GetString());
        var after = await SubmitAsync(cluster, 2, "after.pdf");
        var done = await WaitFinalAsync(cluster, after);
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{worker.Output}");
    }

    [Fact]
    public async Task A_job_that_meets_an_object_store_stopped_for_30_seconds_is_retried_and_completes_when_it_is_back()
    {
        using var s3 = DedicatedServer.S3();
        // Backoff of 1-2 s doubling to at most 8 s: ten retries span more than the outage (at least 35 s).
        using var cluster = new Cluster(s3: $"http://127.0.0.1:{s3.Port}", settings: new Dictionary<string, string>
        {
            ["DOCSTRANGE__JOBS__RETRYBASEDELAY"] = "00:00:02",
            ["DOCSTRANGE__JOBS__RETRYMAXDELAY"] = "00:00:08",
            ["DOCSTRANGE__JOBS__MAXRETRIES"] = "10",
        });
        var api = cluster.StartApi();
        await cluster.WaitReadyAsync(api);
        var jobId = await SubmitAsync(cluster, 2, "stored.pdf");

        s3.Stop();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        var worker = cluster.StartWorker();
        // A submission while the store is down is refused whole (its file cannot be kept), never half made.
        using (var refused = await cluster.Http.PostAsync("api/v1/documents", Pdf(1, "during.pdf")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("STORAGE_ERROR", await refused.Content.ReadAsStringAsync());
        }
        // The worker claims the job and cannot read its input: a transient STORAGE_ERROR, retried while
        // the store stays down; the job is never final meanwhile.
        var sawStorageError = false;
        var attempts = 0;
        while (outage.Elapsed < TimeSpan.FromSeconds(30))
        {
            var job = await cluster.GetJobAsync(jobId, wait: 2);
            Assert.True(job.GetProperty("status").GetString() is "pending" or "processing", $"{job}\n{worker.Output}");
            if (job.GetProperty("error") is { ValueKind: JsonValueKind.Object } error)
            {
                Assert.Equal("STORAGE_ERROR", error.GetProperty("code").GetString());
                Assert.True(error.GetProperty("retryable").GetBoolean());
                sawStorageError = true;
            }
            attempts = job.GetProperty("attempts").GetInt32();
        }
        Assert.True(sawStorageError, worker.Output);
        Assert.True(attempts >= 2, $"attempts {attempts} during a 30 s outage\n{worker.Output}");

        s3.Start();
        var done = await WaitFinalAsync(cluster, jobId);
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{worker.Output}");
        Assert.True(done.GetProperty("attempts").GetInt32() >= attempts);
    }
}
