using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Api.Tests;

namespace DocStrange.Client.Tests;

public sealed class ApiKeyTests : IDisposable
{
    private const string AdminKey = "client-test-admin-key-0123456789";

    private readonly ApiFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["DocStrange:Security:AdminKey"] = AdminKey,
        ["DocStrange:Tiers:AllowAnonymous"] = "false",
    });

    private async Task<string> CreateKeyAsync()
    {
        var admin = _factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "client" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    [Fact]
    public async Task A_client_with_an_api_key_sends_it_on_every_call()
    {
        var client = new DocStrangeClient(_factory.CreateClient()) { ApiKey = await CreateKeyAsync() };
        var submitted = await client.SubmitAsync(TestFiles.Text("Hello\n"), "a.txt");
        var done = await client.WaitForCompletionAsync(submitted.JobId);
        Assert.Equal(JobState.Completed, done.Status);
        Assert.Equal(submitted.JobId, Assert.Single((await client.ListJobsAsync()).Jobs).JobId);
        Assert.Contains("Hello", (await client.GetResultAsync(submitted.JobId)).Content);
    }

    [Fact]
    public async Task Without_a_key_where_one_is_required_the_error_is_invalid_api_key()
    {
        var client = new DocStrangeClient(_factory.CreateClient());
        var error = await Assert.ThrowsAsync<DocStrangeApiException>(() => client.ListJobsAsync());
        Assert.Equal(ErrorCodes.InvalidApiKey, error.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
