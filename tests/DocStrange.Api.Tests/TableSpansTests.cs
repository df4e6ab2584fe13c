using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

public sealed class TableSpansTests : IDisposable
{
    private const string Page = "<html><body><table><tr><th colspan=\"2\">Sales</th></tr><tr><td>2023</td><td>2024</td></tr></table></body></html>";
    private readonly ApiFactory _factory = new();

    private static MultipartFormDataContent Html(params (string, string)[] fields) => ApiClient.Form("sales.html", Encoding.UTF8.GetBytes(Page), fields);

    [Fact]
    public async Task A_spanned_cell_is_written_once_unless_table_spans_is_repeat()
    {
        var client = _factory.CreateClient();
        Assert.Contains("| Sales |  |", await client.CompletedContentAsync(await client.SubmitAsync(Html())));

        // Another request (not the cached result of the first): the cell at both positions.
        var response = await client.PostAsync("/api/v1/documents", Html(("table_spans", "repeat")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("cached").GetBoolean());
        Assert.Contains("| Sales | Sales |", await client.CompletedContentAsync(body.GetProperty("job_id").GetString()!));
    }

    public void Dispose() => _factory.Dispose();
}
