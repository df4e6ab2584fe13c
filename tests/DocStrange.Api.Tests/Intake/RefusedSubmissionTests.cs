using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocStrange.Jobs.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests.Intake;

/// <summary>
/// Every way in refuses a submission (spent quota, a bad option, a file type not accepted) without leaving a
/// stored file; a spent quota refuses before the file is stored at all.
/// </summary>
public sealed class RefusedSubmissionTests : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = LimitedHost.Clock();
    private readonly ConcurrentQueue<string> _inputsWritten = new();
    private LocalWebServer _source = null!;
    private ApiFactory _factory = null!;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var entry in new[] { "upload", "batch", "sync", "from-url", "resumable" })
        {
            foreach (var refusal in new[] { "quota", "options", "type" }) cases.Add(entry, refusal);
        }
        return cases;
    }

    public async Task InitializeAsync()
    {
        _source = await LocalWebServer.StartAsync("127.0.0.2", app =>
        {
            app.MapGet("/note.txt", () => Results.Text("fetched\n", "text/plain"));
            app.MapGet("/setup.exe", () => Results.Bytes("MZ"u8.ToArray(), "application/octet-stream"));
        });
        _factory = new ApiFactory(withWorkers: false, services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            ApiFactory.WrapBlobStore(inner => new InputRecorder(inner, _inputsWritten))(s);
        }, settings: new Dictionary<string, string>
        {
            ["DocStrange:Tiers:Free:DocumentsPerDay"] = "1",
            ["DocStrange:FromUrl:AllowedNetworks:0"] = "127.0.0.2/32",
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refused_submission_leaves_no_stored_file(string entry, string refusal)
    {
        var client = _factory.CreateClient();
        var fileName = refusal == "type" ? "setup.exe" : "note.txt";
        var content = refusal == "type" ? "MZ"u8.ToArray() : "a note\n"u8.ToArray();
        (string, string)[] fields = refusal == "options" ? [("ocr", "sometimes")] : [];
        var uploadId = entry == "resumable" && refusal != "type" ? await UploadAsync(client, content) : null;
        if (refusal == "quota") await client.SubmitAsync(ApiClient.TextForm("the day's one document\n"));
        var stored = _factory.StoredFiles();
        _inputsWritten.Clear();

        var response = entry switch
        {
            "upload" => await client.PostAsync("/api/v1/documents", ApiClient.Form(fileName, content, fields)),
            "batch" => await client.PostAsync("/api/v1/documents/batch", ApiClient.Form(fileName, content, fields)),
            "sync" => await client.PostAsync("/api/v1/documents/sync", ApiClient.Form(fileName, content, fields)),
            "from-url" => await client.PostAsJsonAsync("/api/v1/documents/from-url", Body(fields, ("url", _source.Url("/" + fileName).AbsoluteUri))),
            // A file type not accepted is refused when the upload is made, before any chunk.
            _ when uploadId is null => await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = fileName, size = content.Length }),
            _ => await client.PostAsJsonAsync($"/api/v1/uploads/{uploadId}/complete", Body(fields)),
        };

        var (status, code) = refusal switch
        {
            "quota" => (429, "QUOTA_EXCEEDED"),
            "options" => (400, "INVALID_REQUEST"),
            _ => (415, "INVALID_FILE_TYPE"),
        };
        if (entry == "batch" && refusal != "options")
        {
            // A batch answers a refused file as an error of its own beside the others.
            var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(202, (int)response.StatusCode);
            Assert.Equal(code, Assert.Single(batch.GetProperty("errors").EnumerateArray()).GetProperty("error").GetProperty("code").GetString());
        }
        else
        {
            await ApiClient.ProblemAsync(response, status, code);
        }
        Assert.Equal(stored.Order(), _factory.StoredFiles().Order());
        if (refusal == "quota") Assert.Empty(_inputsWritten);
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] content)
    {
        var created = await client.PostAsJsonAsync("/api/v1/uploads", new { file_name = "note.txt", size = content.Length });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("upload_id").GetString()!;
        var chunk = new ByteArrayContent(content);
        chunk.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{id}") { Content = chunk };
        request.Headers.Add("Upload-Offset", "0");
        Assert.True((await client.SendAsync(request)).IsSuccessStatusCode);
        return id;
    }

    private static Dictionary<string, string> Body((string Name, string Value)[] fields, params (string Name, string Value)[] more) =>
        fields.Concat(more).ToDictionary(f => f.Name, f => f.Value);

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _source.DisposeAsync();
    }

    /// <summary>Notes every job input written, so a test can tell a file refused before storing from one stored and deleted.</summary>
    private sealed class InputRecorder(IBlobStore inner, ConcurrentQueue<string> written) : DelegatingBlobStore(inner)
    {
        public override Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken)
        {
            if (key.StartsWith("jobs/", StringComparison.Ordinal)) written.Enqueue(key);
            return base.PutAsync(key, content, cancellationToken);
        }
    }
}
