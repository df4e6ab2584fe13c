using System.Text.Json;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

/// <summary>How each image mode writes a picture with pixels, and one without.</summary>
public class PictureExportTests
{
    private static readonly byte[] Pixels = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    private static DocumentModel Figure() => Of(
        new Block { Role = BlockRole.Paragraph, Text = "Intro", Provenance = new Provenance(2) },
        new Block
        {
            Role = BlockRole.Picture,
            Text = "labels",
            Image = new PictureImage { Bytes = Pixels, Format = "png", Width = 40, Height = 20, Name = "2-1.png" },
            Provenance = new Provenance(2, new BoundingBox(10, 20, 90, 60)),
        },
        new Block { Role = BlockRole.Caption, Text = "Figure 1: A [small] duck", Provenance = new Provenance(2) },
        new Block { Role = BlockRole.Picture, Text = "no pixels", Provenance = new Provenance(2) }) with
    {
        Pages = [new PageInfo(1, 612, 792), new PageInfo(2, 612, 792)],
    };

    private static ExportOptions With(ImageMode mode) => new() { Images = mode };

    [Fact]
    public void Markdown_links_image_files_with_the_caption_as_alt_text()
    {
        var markdown = Render(OutputFormat.Markdown, Figure(), With(ImageMode.Files));

        Assert.Equal("Intro\n\n![Figure 1: A \\[small\\] duck](images/2-1.png)\n\nFigure 1: A [small] duck\n\n<!-- image -->\n", markdown);
    }

    [Fact]
    public void Markdown_embeds_a_data_uri_and_leaves_pictures_out_with_none()
    {
        Assert.Contains("![Figure 1: A \\[small\\] duck](data:image/png;base64," + Convert.ToBase64String(Pixels) + ")",
            Render(OutputFormat.Markdown, Figure(), With(ImageMode.Embedded)), StringComparison.Ordinal);
        var none = Render(OutputFormat.Markdown, Figure(), With(ImageMode.None));
        Assert.DoesNotContain("image", none, StringComparison.Ordinal);
        Assert.DoesNotContain("![", none, StringComparison.Ordinal);
        Assert.Equal(2, Render(OutputFormat.Markdown, Figure(), With(ImageMode.Placeholder)).Split("<!-- image -->").Length - 1);
    }

    [Fact]
    public void Html_writes_an_img_in_the_figure_with_its_caption()
    {
        var html = Render(OutputFormat.Html, Figure(), With(ImageMode.Files));

        Assert.Contains("<figure data-page=\"2\"><img src=\"images/2-1.png\" alt=\"Figure 1: A [small] duck\" width=\"40\" height=\"20\"><figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<figure data-placeholder=\"image\" data-page=\"2\"></figure>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Render(OutputFormat.Html, Figure(), With(ImageMode.Placeholder)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageMode.Files, "file", "images/2-1.png")]
    [InlineData(ImageMode.Embedded, "data_uri", "data:image/png;base64,iVBORwECAw==")]
    public void Json_gives_the_image_object_that_matches_the_schema(ImageMode mode, string member, string value)
    {
        using var json = JsonDocument.Parse(Render(OutputFormat.Json, Figure(), With(mode)));

        var image = json.RootElement.GetProperty("blocks")[1].GetProperty("image");
        Assert.Equal(["format", "width", "height", "bbox", "caption", member], image.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("png", 40, 20), (image.GetProperty("format").GetString(), image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
        Assert.Equal(90, image.GetProperty("bbox").GetProperty("right").GetDouble());
        Assert.Equal("Figure 1: A [small] duck", image.GetProperty("caption").GetString());
        Assert.Equal(value, image.GetProperty(member).GetString());
        Assert.False(json.RootElement.GetProperty("blocks")[3].TryGetProperty("image", out _));
        Assert.Empty(PublishedSchemaTests.Problems(json.RootElement));
    }

    [Fact]
    public void Json_has_no_image_object_without_images_asked_for()
    {
        using var json = JsonDocument.Parse(Render(OutputFormat.Json, Figure(), With(ImageMode.Placeholder)));

        Assert.All(json.RootElement.GetProperty("blocks").EnumerateArray(), b => Assert.False(b.TryGetProperty("image", out _)));
    }

    [Fact]
    public void Picture_files_lists_each_named_image_once()
    {
        Assert.Equal(["2-1.png"], PictureFiles.Of(Figure()).Select(f => f.Name));
    }
}
