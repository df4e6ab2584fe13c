using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocStrange.Api.Tests.Intake;

/// <summary>A language the workers do not have is refused when the job is submitted, naming the field, not when a page needs it.</summary>
public sealed class OcrLanguageTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task A_language_that_is_not_installed_is_refused_at_once()
    {
        var client = _factory.CreateClient();
        var installed = await InstalledAsync(client);
        var missing = Enumerable.Range(0, 26).Select(i => $"zz{(char)('a' + i)}").First(l => !installed.Contains(l));

        var refused = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("languages", $"{installed[0]},{missing}")));
        var problem = await ApiClient.ProblemAsync(refused, 400, "INVALID_REQUEST");
        var details = problem.GetProperty("error").GetProperty("details");
        Assert.Equal("languages", details.GetProperty("field").GetString());
        Assert.Equal(installed.Order(), details.GetProperty("installed").EnumerateArray().Select(l => l.GetString()!));
        Assert.Contains(missing, problem.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task Installed_languages_and_a_submission_without_ocr_are_accepted()
    {
        var client = _factory.CreateClient();
        var installed = await InstalledAsync(client);
        var accepted = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: ("languages", string.Join('+', installed))));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // With OCR off the languages are never used.
        var withoutOcr = await client.PostAsync("/api/v1/documents", ApiClient.TextForm(fields: [("languages", "zzz"), ("ocr", "never")]));
        Assert.Equal(HttpStatusCode.Accepted, withoutOcr.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<List<string>> InstalledAsync(HttpClient client)
    {
        var system = await client.GetFromJsonAsync<JsonElement>("/api/v1/system");
        var installed = system.GetProperty("formats").GetProperty("ocr_languages").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.NotEmpty(installed);
        return installed;
    }
}
