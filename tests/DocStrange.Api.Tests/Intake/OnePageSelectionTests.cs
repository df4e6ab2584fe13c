using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests.Intake;

/// <summary>A page selection that cannot select anything of a one-page kind is refused when the file arrives, not by a failed job.</summary>
public sealed class OnePageSelectionTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false);

    [Theory]
    [InlineData("note.txt", "5")]
    [InlineData("page.html", "2-")]
    [InlineData("table.csv", "3,7")]
    public async Task Pages_past_the_one_page_of_a_text_kind_are_refused_at_once(string fileName, string pages)
    {
        var client = _factory.CreateClient();
        var refused = await client.PostAsync("/api/v1/documents", ApiClient.Form(fileName, "a,b\n1,2\n"u8.ToArray(), ("pages", pages)));
        var problem = await ApiClient.ProblemAsync(refused, 400, "INVALID_REQUEST");
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal("pages", details.GetProperty("field").GetString());
        Assert.Equal(1, details.GetProperty("page_count").GetInt32());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("jobs").EnumerateArray());
    }

    [Theory]
    [InlineData("note.txt", "1")]
    [InlineData("note.txt", "1-3")]
    [InlineData("scan.pdf", "5")]
    public async Task A_selection_with_page_one_or_of_a_kind_with_pages_is_accepted(string fileName, string pages)
    {
        var content = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf")) : "text\n"u8.ToArray();
        var accepted = await _factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.Form(fileName, content, ("pages", pages)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
