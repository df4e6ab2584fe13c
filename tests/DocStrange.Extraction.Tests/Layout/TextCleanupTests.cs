using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Tests.Layout;

public class TextCleanupTests
{
    [Theory]
    [InlineData("\uFE8D\uFEDF\uFE9F\uFED0\uFEAD\uFE8D\uFED3\uFEF4\uFE8E", "\u0627\u0644\u062C\u063A\u0631\u0627\u0641\u064A\u0627")] // initial, medial and final forms
    [InlineData("\uFEFB \uFDF2", "\u0644\u0627 \u0627\u0644\u0644\u0647")] // lam-alef and the Allah ligature
    [InlineData("\uFE70", "\u064B")] // an isolated vowel mark is the mark, without a space
    public void Arabic_presentation_forms_become_the_letters_they_show(string drawn, string letters)
    {
        Assert.Equal(letters, TextCleanup.Normalize(drawn));
        Assert.Equal(letters, TextCleanup.ExpandLigatures(drawn));
    }

    [Fact]
    public void Latin_ligatures_expand_and_other_text_is_kept()
    {
        Assert.Equal("office file", TextCleanup.Normalize("o\uFB03ce \uFB01le"));
        Assert.Equal("مرحبا", TextCleanup.ExpandLigatures("مرحبا"));
    }
}
