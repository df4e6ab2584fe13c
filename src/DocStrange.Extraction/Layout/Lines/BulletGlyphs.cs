namespace DocStrange.Extraction.Layout.Lines;

/// <summary>
/// The glyphs that mark list items: bullets, squares, arrows and ticks, with the private-use code points
/// Symbol and Wingdings fonts map their bullets to. Dashes and stars are left out: code, rules and
/// empty table cells use them too.
/// </summary>
public static class BulletGlyphs
{
    private const string Glyphs = "•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076";

    /// <summary>Whether <paramref name="ch"/> is a bullet glyph.</summary>
    public static bool IsBullet(char ch) => Glyphs.Contains(ch);

    /// <summary>Whether the text starts with a bullet glyph.</summary>
    public static bool StartsWithBullet(string text) => text.TrimStart() is { Length: > 0 } t && IsBullet(t[0]);
}
