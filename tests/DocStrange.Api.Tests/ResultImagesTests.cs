using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocStrange.Api.Tests;

/// <summary>images=files through the API: image files stored with the result, served by name, and zipped with it.</summary>
public sealed partial class ResultImagesTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private static byte[] Data(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", name));

    [Theory]
    [InlineData("picture_classification.pdf", "image/jpeg")]
    [InlineData("word_sample.docx", "image/png")]
    public async Task Every_image_the_markdown_links_is_served_by_name(string file, string mediaType)
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form(file, Data(file), ("images", "files")));
        var markdown = await client.CompletedContentAsync(job);

        var links = ImageLink().Matches(markdown).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(links);
        foreach (var name in links)
        {
            var response = await client.GetAsync($"/api/v1/jobs/{job}/result/images/{name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
        }
    }

    [Theory]
    [InlineData("9-9.png")]
    [InlineData("..%2Fresult.md")]
    [InlineData("1-1.png.")]
    public async Task An_unknown_image_name_is_not_found(string name)
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("picture_classification.pdf", Data("picture_classification.pdf"), ("images", "files")));
        await client.CompletedContentAsync(job);

        var response = await client.GetAsync($"/api/v1/jobs/{job}/result/images/{name}");
        await ApiClient.ProblemAsync(response, 404, "IMAGE_NOT_FOUND");
    }

    [Fact]
    public async Task A_job_without_image_files_has_none_to_serve()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("picture_classification.pdf", Data("picture_classification.pdf")));
        Assert.Contains("<!-- image -->", await client.CompletedContentAsync(job), StringComparison.Ordinal);

        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/jobs/{job}/result/images/1-1.jpg"), 404, "IMAGE_NOT_FOUND");
    }

    [Fact]
    public async Task The_zip_holds_every_format_and_the_markdown_links_resolve_inside_it()
    {
        var client = _factory.CreateClient();
        var job = await client.SubmitAsync(ApiClient.Form("picture_classification.pdf", Data("picture_classification.pdf"),
            ("images", "files"), ("output_format", "markdown,json")));
        await client.CompletedContentAsync(job);

        var response = await client.GetAsync($"/api/v1/jobs/{job}/download?format=zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("result.md", names);
        Assert.Contains("result.json", names);

        string markdown;
        using (var reader = new StreamReader(zip.GetEntry("result.md")!.Open(), Encoding.UTF8)) markdown = await reader.ReadToEndAsync();
        var links = ImageLink().Matches(markdown).Select(m => "images/" + m.Groups["name"].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.Contains(link, names));
        Assert.Equal(links.Count, names.Count(n => n.StartsWith("images/", StringComparison.Ordinal)));

        JsonElement model;
        using (var json = zip.GetEntry("result.json")!.Open()) model = (await JsonDocument.ParseAsync(json)).RootElement.Clone();
        var files = model.GetProperty("blocks").EnumerateArray().Where(b => b.TryGetProperty("image", out _))
            .Select(b => b.GetProperty("image").GetProperty("file").GetString()!).ToList();
        Assert.Equal(links, files);
    }

    [Fact]
    public async Task A_cached_result_serves_its_own_copy_of_the_images()
    {
        var client = _factory.CreateClient();
        var first = await client.SubmitAsync(ApiClient.Form("word_sample.docx", Data("word_sample.docx"), ("images", "files")));
        await client.CompletedContentAsync(first);

        var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("word_sample.docx", Data("word_sample.docx"), ("images", "files")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("cached").GetBoolean());
        var second = body.GetProperty("job_id").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/jobs/{second}/result/images/1-1.png")).StatusCode);
    }

    [Theory]
    [InlineData("pictures")]
    [InlineData("1")]
    [InlineData("FILES ")]
    public async Task A_bad_images_value_is_refused_naming_the_field(string value)
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/documents", ApiClient.TextForm("Text.\n", ("images", value)));
        if (value == "FILES ")
        {
            // Case and surrounding space are forgiven, as for every option that takes a name.
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return;
        }
        var problem = await ApiClient.ProblemAsync(response, 400, "INVALID_REQUEST");
        Assert.Equal("images", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
    }

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex(@"!\[[^\]]*\]\(images/(?<name>[0-9]+-[0-9]+\.[a-z]+)\)")]
    private static partial Regex ImageLink();
}
