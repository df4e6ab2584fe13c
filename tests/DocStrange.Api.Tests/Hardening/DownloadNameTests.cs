using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DocStrange.Api.Tests.Hardening;

public sealed class DownloadNameTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Theory]
    // The name as the client sends it (RFC 5987 encoded), and the download name it gets back.
    [InlineData("..%2F..%2Fetc%2Fpasswd.txt", "passwd.txt.md", "passwd.txt.md")]
    [InlineData("..%5C..%5Cwin.ini.txt", "win.ini.txt.md", "win.ini.txt.md")]
    [InlineData("%22quoted%22%20name.txt", "\"quoted\" name.txt.md", "_quoted_ name.txt.md")]
    [InlineData("line%0D%0ASet-Cookie%3A%20x%3D1.txt", "lineSet-Cookie: x=1.txt.md", "lineSet-Cookie: x=1.txt.md")]
    [InlineData("r%C3%A9sum%C3%A9%20%E6%96%87%E6%A1%A3.txt", "résumé 文档.txt.md", "r_sum_ __.txt.md")]
    [InlineData("invoice%E2%80%AEfdp.txt", "invoicefdp.txt.md", "invoicefdp.txt.md")]
    public async Task The_download_name_is_safe_whatever_the_upload_was_called(string encodedName, string expectedName, string expectedAscii)
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(FormWithEncodedName(encodedName));
        Assert.Equal("completed", (await client.WaitFinalAsync(jobId)).GetProperty("status").GetString());

        var download = await client.GetAsync($"/api/v1/jobs/{jobId}/download");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var raw = string.Join(",", download.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain('\r', raw);
        Assert.DoesNotContain('\n', raw);
        Assert.True(raw.All(c => c is >= ' ' and < (char)0x7F), raw);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(expectedName, disposition.FileNameStar);
        Assert.Equal(expectedAscii, disposition.FileName?.Trim('"'));
        Assert.Contains($"filename=\"{expectedAscii}\";", raw);
    }

    // A file part whose name is given only as filename*= (RFC 5987), so any byte can be sent.
    private static MultipartFormDataContent FormWithEncodedName(string encodedName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Hello\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{encodedName}");
        form.Add(file);
        return form;
    }

    public void Dispose() => _factory.Dispose();
}
