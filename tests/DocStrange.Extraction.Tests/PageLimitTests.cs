using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>The page limit counts the pages a request selects, so <c>pages</c> is a way past it.</summary>
public sealed class PageLimitTests
{
    private static Task<DocumentModel> Convert(string fixture, ConversionOptions options) =>
        DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), options);

    [Theory]
    [InlineData("pdf/multi_page.pdf", "2-3", new[] { 2, 3 })]
    [InlineData("pdf/multi_page.pdf", "4-", new[] { 4, 5 })]
    [InlineData("xlsx/formats.xlsx", "2-3", new[] { 2, 3 })]
    public async Task A_selection_within_the_limit_converts_a_longer_document(string fixture, string pages, int[] expected)
    {
        var document = await Convert(fixture, new ConversionOptions { MaxPages = 2, Pages = PageSelection.Parse(pages) });
        Assert.Equal(expected, document.Pages.Select(p => p.Number));
    }

    [Fact]
    public async Task A_selected_page_of_a_multi_page_tiff_converts_under_a_one_page_limit()
    {
        var document = await Convert("image/two_pages.tif", new ConversionOptions { MaxPages = 1, Pages = PageSelection.Parse("2"), Ocr = OcrMode.Never });
        Assert.Equal([2], document.Pages.Select(p => p.Number));
    }

    [Fact]
    public async Task A_selection_over_the_limit_is_too_many_pages_counting_the_selection()
    {
        var error = await Assert.ThrowsAsync<DocStrangeException>(() =>
            Convert("pdf/multi_page.pdf", new ConversionOptions { MaxPages = 2, Pages = PageSelection.Parse("1-3") }));
        Assert.Equal(ErrorCode.TooManyPages, error.Code);
        Assert.Equal((5, 3, 2), (error.Details["pages"], error.Details["selected_pages"], error.Details["max_pages"]));
        Assert.Equal("'pages' selects 3 of the file's 5 pages; at most 2 are accepted.", error.Message);
    }

    [Fact]
    public async Task Without_a_selection_the_whole_document_is_counted()
    {
        var error = await Assert.ThrowsAsync<DocStrangeException>(() =>
            Convert("xlsx/formats.xlsx", new ConversionOptions { MaxPages = 2 }));
        Assert.Equal(ErrorCode.TooManyPages, error.Code);
        Assert.Equal((3, 3), (error.Details["pages"], error.Details["selected_pages"]));
    }
}
