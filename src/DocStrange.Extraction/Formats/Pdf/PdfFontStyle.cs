using System.Text.RegularExpressions;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Whether letters are set in a bold or an italic face: the font descriptor says so, or the font's
/// name does ("Arial-BoldMT", "Times-Italic", or TeX's faces such as CMBX10 and CMTI10); and whether
/// they are set in a fixed-pitch face (Courier, "DejaVuSansMono", Consolas, TeX's CMTT10).
/// </summary>
internal static partial class PdfFontStyle
{
    /// <summary>A function giving each letter's traits, for the letters of one page: names are tested once per font.</summary>
    public static Func<Letter, FontTraits> ForPage(IReadOnlyList<Letter> letters)
    {
        var monospace = MonospaceFonts(letters);
        var cache = new Dictionary<(string, bool, bool), FontTraits>();
        return letter =>
        {
            var key = (letter.FontName ?? "", letter.FontDetails?.IsBold == true, letter.FontDetails?.IsItalic == true);
            if (cache.TryGetValue(key, out var traits)) return traits;
            if (key.Item2 || IsMatch(key.Item1, BoldName(), TexBold())) traits |= FontTraits.Bold;
            if (key.Item3 || IsMatch(key.Item1, ItalicName(), TexItalic())) traits |= FontTraits.Italic;
            if (monospace.Contains(key.Item1)) traits |= FontTraits.Monospace;
            return cache[key] = traits;
        };
    }

    /// <summary>The names of the fonts among the letters that are fixed-pitch: by name, or because every glyph drawn in them advances by the same width.</summary>
    private static HashSet<string> MonospaceFonts(IEnumerable<Letter> letters)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var font in letters.GroupBy(l => l.FontName ?? ""))
        {
            if (IsMatch(font.Key, MonospaceName(), TexMonospace()) || HasEqualAdvances(font)) result.Add(font.Key);
        }
        return result;
    }

    // At least eight letters of four different glyphs, all advancing by the same share of the font size.
    // Four of those glyphs must be letters: figures are of one width in nearly every proportional face
    // (tabular figures), so a font that only draws numbers says nothing about its pitch.
    private static bool HasEqualAdvances(IEnumerable<Letter> letters)
    {
        var advances = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize > 0)
            .Select(l => (l.Value, Advance: Math.Abs(l.EndBaseLine.X - l.StartBaseLine.X) / l.PointSize))
            .Where(a => a.Advance > 0).ToList();
        if (advances.Count < 8 || advances.Select(a => a.Value).Where(v => v.Any(char.IsLetter)).Distinct().Count() < 4) return false;
        var min = advances.Min(a => a.Advance);
        return advances.Max(a => a.Advance) <= min * 1.02;
    }

    private static bool IsMatch(string? name, Regex byName, Regex byTexName)
    {
        if (string.IsNullOrEmpty(name)) return false;
        // Drop the subset prefix, as in "ABCDEF+Times-Bold".
        var plus = name.IndexOf('+');
        if (plus >= 0) name = name[(plus + 1)..];
        return byName.IsMatch(name) || byTexName.IsMatch(name);
    }

    [GeneratedRegex("bold|black|heavy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoldName();

    [GeneratedRegex(@"^(?:CM|SF|EC|TC|LM)[A-Z]*B[XI]?\d", RegexOptions.CultureInvariant)]
    private static partial Regex TexBold();

    [GeneratedRegex("courier|mono|consol|menlo|inconsolata|typewriter|fixed|sourcecode|source code|lucidaconsole|andale", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonospaceName();

    [GeneratedRegex(@"^(?:CM|SF|EC|TC|LM)[A-Z]*TT|^txtt|^LMMono|^NimbusMon", RegexOptions.CultureInvariant)]
    private static partial Regex TexMonospace();

    [GeneratedRegex("italic|oblique", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItalicName();

    [GeneratedRegex(@"^(?:CM|SF|EC|TC|LM)[A-Z]*(?:TI|SL)\d", RegexOptions.CultureInvariant)]
    private static partial Regex TexItalic();
}
