using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Document.Tests;

public class PageSelectionTests
{
    [Theory]
    [InlineData("1-3,7", new[] { 1, 2, 3, 7 }, new[] { 4, 8 })]
    [InlineData("2", new[] { 2 }, new[] { 1, 3 })]
    [InlineData("5-", new[] { 5, 500 }, new[] { 4 })]
    [InlineData("", new[] { 1, 99 }, new int[0])]
    public void Parses_ranges(string text, int[] inside, int[] outside)
    {
        var selection = PageSelection.Parse(text);
        Assert.All(inside, p => Assert.True(selection.Contains(p), $"page {p} should be selected"));
        Assert.All(outside, p => Assert.False(selection.Contains(p), $"page {p} should not be selected"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3-1")]
    [InlineData("a-b")]
    [InlineData("1,,x")]
    public void Rejects_malformed_ranges_with_invalid_request(string text)
    {
        var ex = Assert.Throws<DocStrangeException>(() => PageSelection.Parse(text));
        Assert.Equal(ErrorCode.InvalidRequest, ex.Code);
    }

    [Fact]
    public void Canonical_text_round_trips() =>
        Assert.Equal("1-3,7,9-", PageSelection.Parse(" 1-3 , 7,9-").Text);
}
