using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Tests.Layout;

/// <summary>Words laid out by hand for layout tests: each character half the font size wide, words a quarter of it apart.</summary>
internal static class Words
{
    public static LayoutWord Word(string text, double left, double baseline, double size = 10, FontTraits traits = FontTraits.None) =>
        new(text, new BoundingBox(left, baseline - 0.75 * size, left + text.Length * size / 2, baseline + 0.2 * size), baseline, size, traits);

    /// <summary>The words of a phrase starting at <paramref name="left"/> on one baseline.</summary>
    public static List<LayoutWord> Phrase(string text, double left, double baseline, double size = 10, FontTraits traits = FontTraits.None)
    {
        var words = new List<LayoutWord>();
        var x = left;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Word(part, x, baseline, size, traits);
            words.Add(word);
            x = word.Box.Right + size / 4;
        }
        return words;
    }

    /// <summary>Lines of text one under the other, <paramref name="leading"/> apart.</summary>
    public static List<LayoutWord> Column(IEnumerable<string> lines, double left, double firstBaseline, double size = 10, double leading = 12, FontTraits traits = FontTraits.None) =>
        lines.SelectMany((line, i) => Phrase(line, left, firstBaseline + i * leading, size, traits)).ToList();

    public static IReadOnlyList<LayoutLine> Lines(IReadOnlyList<LayoutWord> words) => DocStrange.Extraction.Layout.Lines.LineBuilder.Instance.Build(words);

    public static PageContent Page(IEnumerable<LayoutWord> words, IEnumerable<Ruling>? rulings = null) =>
        new(1, 612, 792, words.ToList()) { Rulings = rulings?.ToList() ?? [] };
}
