using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Whether a letter is set in a bold face: the font descriptor says so, or the font's name does
/// ("Arial-BoldMT", "Helvetica-Black", or TeX's bold-extended faces such as CMBX10 and SFBX1000).
/// </summary>
internal static partial class PdfFontWeight
{
    /// <summary>How many of the letters are bold; the name test runs once per font.</summary>
    public static int CountBold(IEnumerable<Letter> letters) =>
        letters.GroupBy(l => (l.FontName, l.FontDetails?.IsBold == true))
            .Sum(g => g.Key.Item2 || IsBoldName(g.Key.FontName) ? g.Count() : 0);

    private static bool IsBoldName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        var plus = name.IndexOf('+');
        if (plus >= 0) name = name[(plus + 1)..];
        return BoldName().IsMatch(name) || TexBold().IsMatch(name);
    }

    [GeneratedRegex("bold|black|heavy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoldName();

    [GeneratedRegex(@"^(?:CM|SF|EC|TC|LM)[A-Z]*B[XI]?\d", RegexOptions.CultureInvariant)]
    private static partial Regex TexBold();
}
