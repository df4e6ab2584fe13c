using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class PageBreaksTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task Page_breaks_mark_the_pages_only_when_asked()
    {
        var client = _factory.CreateClient();
        Assert.DoesNotContain("<!-- page", await client.CompletedContentAsync(await client.SubmitAsync(ApiClient.TextForm("First paragraph.\n\nSecond paragraph.\n"))));

        // Not the cached result of the first request: the option is part of what was asked.
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm("First paragraph.\n\nSecond paragraph.\n", ("page_breaks", "true")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("cached").GetBoolean());
        Assert.StartsWith("<!-- page 1 -->\n\nFirst paragraph.", await client.CompletedContentAsync(body.GetProperty("job_id").GetString()!));
    }

    [Fact]
    public async Task A_page_breaks_value_that_is_not_a_boolean_is_refused_naming_the_field()
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.TextForm("First paragraph.\n\nSecond paragraph.\n", ("page_breaks", "yes")));
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal("page_breaks", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
