using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>Small helpers to talk to the API as a client would.</summary>
internal static class ApiClient
{
    public static MultipartFormDataContent Form(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    public static MultipartFormDataContent TextForm(string text = "Hello DocStrange\n\nA second paragraph.\n", params (string Name, string Value)[] fields) =>
        Form("note.txt", Encoding.UTF8.GetBytes(text), fields);

    public static async Task<string> SubmitAsync(this HttpClient client, MultipartFormDataContent form)
    {
        var response = await client.PostAsync("/api/v1/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("job_id").GetString()!;
    }

    /// <summary>Waits for the job to complete and gives its first format's result text.</summary>
    public static async Task<string> CompletedContentAsync(this HttpClient client, string jobId)
    {
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());
        return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/result")).GetProperty("content").GetString()!;
    }

    /// <summary>Long-polls until the job is final; fails the test after a bounded time.</summary>
    public static async Task<JsonElement> WaitFinalAsync(this HttpClient client, string jobId, int maxPolls = 20)
    {
        for (var i = 0; i < maxPolls; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}?wait=5");
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") return job;
        }
        throw new TimeoutException($"Job {jobId} did not finish.");
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal($"/docs/errors#{code}", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(response.Headers.GetValues("X-Request-ID").Single(), problem.GetProperty("request_id").GetString());
        Assert.True(DateTimeOffset.TryParse(problem.GetProperty("timestamp").GetString(), out _));
        return problem;
    }
}
