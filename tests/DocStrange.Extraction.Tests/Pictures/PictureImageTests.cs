using System.Text;
using System.Text.RegularExpressions;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests.Pictures;

/// <summary>Pictures' pixels from PDFs, Office files and HTML with images asked for: where they are, what they are, and what happens when they cannot be read.</summary>
public partial class PictureImageTests
{
    private static readonly ConversionOptions AsFiles = new() { Images = ImageMode.Files };

    // The corpus files with pictures and how many of them have pixels: the ground truth's pictures that are images
    // (charts have none; the handbook's two figures sit in one picture region).
    public static TheoryData<string, int> FilesWithPictures() => new()
    {
        { "pdf/picture_classification.pdf", 2 },
        { "pdf/amt_handbook_sample.pdf", 2 },
        { "docx/word_sample.docx", 1 },
        { "xlsx/xlsx_01.xlsx", 1 },
    };

    [Theory]
    [MemberData(nameof(FilesWithPictures))]
    public async Task Every_picture_with_pixels_gets_a_checked_named_image(string fixture, int expected)
    {
        var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), AsFiles);

        var pictures = document.Blocks.Where(b => b.Image is not null).ToList();
        Assert.Equal(expected, pictures.Count);
        Assert.All(pictures, b => Assert.Equal(BlockRole.Picture, b.Role));
        Assert.Equal(pictures.Count, pictures.Select(b => b.Image!.Name).Distinct().Count());
        foreach (var picture in pictures)
        {
            var image = picture.Image!;
            var name = ImageName().Match(image.Name);
            Assert.True(name.Success, image.Name);
            Assert.Equal(picture.Provenance!.Page.ToString(System.Globalization.CultureInfo.InvariantCulture), name.Groups["page"].Value);
            Assert.Equal(image.Format == "jpeg" ? "jpg" : image.Format, name.Groups["ext"].Value);
            Assert.Equal(image.Format, Sniffed(image.Bytes));
            Assert.InRange(image.Width, 1, 20_000);
            Assert.InRange(image.Height, 1, 20_000);
        }
    }

    [Theory]
    [InlineData("pdf/picture_classification.pdf")]
    [InlineData("pdf/amt_handbook_sample.pdf")]
    public async Task A_pdf_picture_image_shows_its_region_of_the_page(string fixture)
    {
        var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), AsFiles);

        var pictures = document.Blocks.Where(b => b.Image is not null).ToList();
        Assert.NotEmpty(pictures);
        foreach (var picture in pictures)
        {
            var page = document.Pages.Single(p => p.Number == picture.Provenance!.Page);
            var box = picture.Provenance!.Box!.Value;
            Assert.InRange(box.Left, -0.05 * page.Width, box.Right);
            Assert.InRange(box.Right, box.Left, 1.05 * page.Width);
            Assert.InRange(box.Top, -0.05 * page.Height, box.Bottom);
            Assert.InRange(box.Bottom, box.Top, 1.05 * page.Height);
            // The image is the picture's region: the same shape as its box, within 5 %.
            var shape = (double)picture.Image!.Width / picture.Image.Height;
            Assert.InRange(shape / (box.Width / box.Height), 0.95, 1.05);
        }
    }

    [Fact]
    public async Task A_pdf_picture_stored_as_jpeg_keeps_the_stored_bytes()
    {
        var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf("pdf/picture_classification.pdf"), AsFiles);

        Assert.All(document.Blocks.Where(b => b.Image is not null), b => Assert.Equal("jpeg", b.Image!.Format));
    }

    [Theory]
    [InlineData(ImageMode.Placeholder)]
    [InlineData(ImageMode.None)]
    public async Task Without_images_asked_for_no_pixels_are_kept(ImageMode mode)
    {
        foreach (var fixture in new[] { "pdf/picture_classification.pdf", "docx/word_sample.docx" })
        {
            var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), new ConversionOptions { Images = mode });
            Assert.Contains(document.Blocks, b => b.Role == BlockRole.Picture);
            Assert.DoesNotContain(document.Blocks, b => b.Image is not null);
        }
    }

    [Fact]
    public async Task An_html_figure_with_a_data_uri_keeps_its_image_and_a_remote_source_is_never_read()
    {
        var png = Convert.ToBase64String(TestData.Bytes("image/phototest.png"));
        var document = await ConvertHtml($"<figure><img src=\"data:image/png;base64,{png}\" alt=\"a scan\"></figure>"
            + "<figure><img src=\"https://example.invalid/x.png\" alt=\"remote\"></figure>");

        var pictures = document.Blocks.Where(b => b.Role == BlockRole.Picture).ToList();
        Assert.Equal(2, pictures.Count);
        Assert.Equal("png", pictures[0].Image?.Format);
        Assert.Equal("1-1.png", pictures[0].Image?.Name);
        Assert.Null(pictures[1].Image);
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA")]
    [InlineData("data:image/png;base64,@@@not base64@@@")]
    [InlineData("data:image/gif;base64,AAAAAAAAAAAAAAAA")]
    public async Task A_broken_image_is_a_warning_and_a_placeholder_not_a_failure(string source)
    {
        var document = await ConvertHtml($"<p>before</p><figure><img src=\"{source}\" alt=\"broken\"></figure><p>after</p>");

        var picture = Assert.Single(document.Blocks, b => b.Role == BlockRole.Picture);
        Assert.Null(picture.Image);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(ErrorCode.UnreadableDocument, warning.Code);
        Assert.Contains("picture", warning.Message, StringComparison.Ordinal);
        Assert.Contains("<!-- image -->", DocumentExporters.ExportToString(document, OutputFormat.Markdown, new ExportOptions { Images = ImageMode.Files }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pictures_past_the_image_limit_stay_placeholders_with_one_warning()
    {
        var png = Convert.ToBase64String(TestData.Bytes("image/phototest.png"));
        var figure = $"<figure><img src=\"data:image/png;base64,{png}\"></figure>";
        var options = new ConversionOptions { Images = ImageMode.Embedded, ImageLimits = new ImageLimits { MaxImages = 2 } };
        var document = await ConvertHtml(figure + figure + figure + figure, options);

        Assert.Equal(2, document.Blocks.Count(b => b.Image is not null));
        Assert.Equal(4, document.Blocks.Count(b => b.Role == BlockRole.Picture));
        Assert.Equal(ErrorCode.ResourceLimit, Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public async Task Pictures_past_the_byte_limit_stay_placeholders()
    {
        var bytes = TestData.Bytes("image/phototest.png");
        var figure = $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(bytes)}\"></figure>";
        var options = new ConversionOptions { Images = ImageMode.Files, ImageLimits = new ImageLimits { MaxBytes = bytes.Length * 2L - 1 } };
        var document = await ConvertHtml(figure + figure + figure, options);

        Assert.Equal(1, document.Blocks.Count(b => b.Image is not null));
        Assert.Equal(ErrorCode.ResourceLimit, Assert.Single(document.Warnings).Code);
    }

    private static Task<DocumentModel> ConvertHtml(string html, ConversionOptions? options = null) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(Encoding.UTF8.GetBytes(html)),
            new ConversionRequest("page.html", FileKind.Html, options ?? new ConversionOptions { Images = ImageMode.Files }));

    private static string Sniffed(byte[] bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "png",
        [0xFF, 0xD8, 0xFF, ..] => "jpeg",
        [0x47, 0x49, 0x46, ..] => "gif",
        _ => "unknown",
    };

    [GeneratedRegex(@"^(?<page>[0-9]+)-(?<n>[0-9]+)\.(?<ext>[a-z]+)$")]
    private static partial Regex ImageName();
}
