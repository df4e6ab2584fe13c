using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.Tests;

/// <summary>
/// Bodies a client got wrong — malformed multipart, a form field decoding to NUL, a JSON value of the
/// wrong form — are 400 <c>INVALID_REQUEST</c> in the usual error shape, never a server error, and
/// leave nothing stored. The admin routes look at a body only after the admin key.
/// </summary>
public sealed class MalformedRequestTests : IDisposable
{
    private const string Boundary = "XyZ";

    // Sync waits for nothing here (no workers): an accepted upload answers 202 at once.
    private static readonly string[] UploadRoutes = ["/api/v1/documents", "/api/v1/documents/batch", "/api/v1/documents/sync?wait=0"];

    private readonly ApiFactory _factory = new(withWorkers: false, settings: Tenants.Settings());

    public static TheoryData<string> MalformedMultipart => [.. Bodies.Keys];

    /// <summary>Each body sent as <c>multipart/form-data; boundary=XyZ</c>.</summary>
    private static readonly Dictionary<string, byte[]> Bodies = new()
    {
        ["boundary_mismatch"] = Ascii("--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--other--\r\n"),
        ["empty"] = [],
        ["random_bytes"] = RandomBytes(4096),
        ["header_cut_mid_line"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filena"),
        ["part_header_over_16_kb"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nX-Pad: "
            + new string('a', 17_000) + "\r\n\r\nhello\r\n--XyZ--\r\n"),
        ["more_than_16_part_headers"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + string.Concat(Enumerable.Range(0, 20).Select(i => $"X-Header-{i}: v\r\n")) + "\r\nhello\r\n--XyZ--\r\n"),
        ["cut_inside_the_file"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello, the rest never"),
        ["cut_inside_a_field"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"output_format\"\r\n\r\nmarkd"),
        // The file is stored whole before the body breaks: it must be removed again.
        ["cut_after_a_whole_file"] = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nA whole document.\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"output_format\"\r\n\r\ntext"),
    };

    [Theory]
    [MemberData(nameof(MalformedMultipart))]
    public async Task A_malformed_multipart_body_is_invalid_request_and_nothing_is_kept(string body)
    {
        var client = _factory.CreateClient();
        foreach (var route in UploadRoutes)
        {
            var response = await client.PostAsync(route, Multipart(Bodies[body]));
            await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        }
        Assert.Empty(_factory.StoredFiles());
        Assert.Contains("\"jobs\":[]", await client.GetStringAsync("/api/v1/jobs"));
    }

    [Fact]
    public async Task A_batch_whose_body_breaks_after_two_files_keeps_neither()
    {
        var body = Ascii(string.Concat(Enumerable.Range(1, 2).Select(i =>
            $"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc{i}.txt\"\r\n\r\nDocument {i}.\r\n"))
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc3.txt\"\r\n\r\nDocument 3, cut");

        var response = await _factory.CreateClient().PostAsync("/api/v1/documents/batch", Multipart(body));

        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
    }

    [Fact]
    public async Task Damaged_multipart_bodies_are_never_a_server_error()
    {
        var client = _factory.CreateClient();
        var seed = Ascii("--XyZ\r\nContent-Disposition: form-data; name=\"output_format\"\r\n\r\nmarkdown,text\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\n"
            + "Hello DocStrange\n\nA second paragraph.\n\r\n--XyZ--\r\n");
        var random = new Random(20261207);
        var wrong = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var (damaged, how) = Damage(seed, random);
            var route = UploadRoutes[i % UploadRoutes.Length];
            var response = await client.PostAsync(route, Multipart(damaged));
            var status = (int)response.StatusCode;
            if (status is 200 or 202) continue;
            var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString()!;
            if (status >= 500 || !ErrorCatalog.TryParse(code, out var parsed) || ErrorStatuses.Of(parsed) != status)
            {
                wrong.Add($"{route} {how}: {status} {code}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("url=https%3A%2F%2Fexample.com%2Freport.pdf%00")]
    [InlineData("u%00rl=https%3A%2F%2Fexample.com%2Freport.pdf")]
    [InlineData("url=https%3A%2F%2Fexample.com%2Freport.pdf&output_format=text%00")]
    public async Task A_form_field_that_decodes_to_nul_is_invalid_request(string form)
    {
        var content = new ByteArrayContent(Ascii(form));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await _factory.CreateClient().PostAsync("/api/v1/documents/from-url", content);

        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
    }

    [Theory]
    [InlineData("application/json", "{\"expires_at\": \"tomorrow\"}")]
    [InlineData("application/json", "{not json")]
    [InlineData("text/plain", "tomorrow")]
    public async Task Without_the_admin_key_a_key_body_is_not_read(string type, string body)
    {
        foreach (var client in new[] { _factory.CreateClient(), _factory.WithKey(Tenants.AdminKey + "x") })
        {
            var response = await client.PostAsync("/api/v1/admin/keys", new StringContent(body, Encoding.UTF8, type));
            await ApiClient.ProblemAsync(response, 401, "INVALID_API_KEY");
        }
    }

    [Fact]
    public async Task With_the_admin_routes_off_a_key_body_is_not_read()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var response = await factory.WithKey(Tenants.AdminKey).PostAsync("/api/v1/admin/keys",
            new StringContent("{\"expires_at\": \"tomorrow\"}", Encoding.UTF8, "application/json"));

        var problem = await ApiClient.ProblemAsync(response, 401, "INVALID_API_KEY");
        Assert.Equal("admin_disabled", problem.GetProperty("error").GetProperty("details").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"expires_at\": \"tomorrow\"}", "expires_at")]
    [InlineData("{\"name\": \"x\", \"expires_at\": 5}", "expires_at")]
    [InlineData("{\"name\": \"x\", \"limits\": {\"requests_per_minute\": \"many\"}}", "limits.requests_per_minute")]
    [InlineData("{\"name\": \"x\", \"limits\": {\"max_pages\": 99999999999}}", "limits.max_pages")]
    public async Task A_key_field_of_the_wrong_form_is_invalid_request_naming_it(string body, string field)
    {
        var admin = _factory.Admin();
        var response = await admin.PostAsync("/api/v1/admin/keys", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal(field, problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/keys")).GetProperty("keys").EnumerateArray());
    }

    // Found by tests/hostile/fuzz.py: JSON that parses, but whose text is not UTF-8 (a raw 0xFF byte in a
    // name or a string, an escaped lone surrogate), was a 500 when the fields were read as text.
    public static TheoryData<string, string> JsonThatIsNotText => new()
    {
        { "/api/v1/uploads", "{\"\u00FF\u00FEfile_name\": \"a.txt\", \"size\": 10}" },
        { "/api/v1/uploads", "{\"file_name\": \"a\u00FF.txt\", \"size\": 10}" },
        { "/api/v1/uploads", "{\"file_name\": \"a\\ud800.txt\", \"size\": 10}" },
        { "/api/v1/documents/from-url", "{\"url\": \"https://example.com/\u00C0\u00AF.pdf\"}" },
        { "/api/v1/documents/from-url", "{\"url\": \"https://example.com/a.pdf\", \"languages\": [\"eng\", \"\\udc00\"]}" },
        { "/api/v1/admin/keys", "{\"name\": \"\u00FF\"}" },
        { "/api/v1/admin/keys", "{\"name\": \"\\ud800\"}" },
    };

    [Theory]
    [MemberData(nameof(JsonThatIsNotText))]
    public async Task A_json_body_whose_text_is_not_utf8_is_invalid_request(string route, string body)
    {
        // Latin-1 turns each \u00NN above into that one byte.
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var client = route.Contains("/admin/", StringComparison.Ordinal) ? _factory.Admin() : _factory.CreateClient();
        var response = await client.PostAsync(route, content);

        await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Empty(_factory.StoredFiles());
    }

    [Theory]
    [InlineData("priority")]
    [InlineData("pages")]
    [InlineData("password")]
    [InlineData("webhook_url")]
    public async Task A_single_option_given_as_an_empty_json_array_is_invalid_request_naming_it(string field)
    {
        // Found by tests/hostile/fuzz.py: `"priority": []` was a 500 (the first of no values was read).
        var body = $"{{\"url\": \"https://example.com/a.pdf\", \"{field}\": []}}";

        var response = await _factory.CreateClient().PostAsync("/api/v1/documents/from-url", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal(field, problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        Assert.Empty(_factory.StoredFiles());
    }

    /// <summary>One seeded damage to a well-formed body: cut short, bytes changed, inserted or dropped, a line break added or removed.</summary>
    private static (byte[] Bytes, string How) Damage(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var at = random.Next(bytes.Count);
        switch (random.Next(5))
        {
            case 0:
                return (bytes.Take(at).ToArray(), $"cut at {at}");
            case 1:
                for (var i = 0; i < 1 + random.Next(4); i++) bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                return ([.. bytes], $"bytes changed from {at}");
            case 2:
                bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(32)).Select(_ => (byte)random.Next(256)));
                return ([.. bytes], $"bytes inserted at {at}");
            case 3:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                return ([.. bytes], $"bytes dropped at {at}");
            default:
                bytes.InsertRange(at, "\r\n"u8.ToArray());
                return ([.. bytes], $"line break at {at}");
        }
    }

    private static ByteArrayContent Multipart(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    public void Dispose() => _factory.Dispose();
}
