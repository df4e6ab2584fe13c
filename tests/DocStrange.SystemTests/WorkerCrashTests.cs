using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.SystemTests;

public sealed class WorkerCrashTests
{
    [Fact]
    public async Task A_job_whose_worker_is_killed_mid_run_completes_on_another_worker_with_one_result()
    {
        using var cluster = new Cluster();
        var api = cluster.StartApi();
        var doomed = cluster.StartWorker();
        await cluster.WaitReadyAsync(api);

        var pdf = LongPdf.Create(pages: 600);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "long.pdf");
        using var submitted = await cluster.Http.PostAsync("api/v1/documents", form);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!;

        // Wait (bounded) until the first worker is visibly converting pages, then kill it without warning.
        var running = false;
        for (var i = 0; i < 300 && !running; i++)
        {
            var job = await cluster.GetJobAsync(jobId);
            running = job.GetProperty("status").GetString() == "processing" && job.GetProperty("progress").GetProperty("pages_done").GetInt32() > 0;
            if (!running) await Task.Delay(100);
        }
        Assert.True(running, $"the job never ran:\n{doomed.Output}");
        doomed.KillHard();

        var survivor = cluster.StartWorker();
        JsonElement final = default;
        for (var i = 0; i < 12; i++)
        {
            final = await cluster.GetJobAsync(jobId, wait: 10);
            if (final.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") break;
        }

        Assert.True(final.GetProperty("status").GetString() == "completed", $"job ended {final}\nsurvivor:\n{survivor.Output}");
        Assert.Equal(2, final.GetProperty("attempts").GetInt32());
        var result = await cluster.Http.GetFromJsonAsync<JsonElement>($"api/v1/jobs/{jobId}/result");
        Assert.Equal(600, result.GetProperty("metadata").GetProperty("pages_processed").GetInt32());
        Assert.Contains("Page 600, line 44", result.GetProperty("content").GetString());
    }
}
