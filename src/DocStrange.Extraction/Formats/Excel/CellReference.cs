namespace DocStrange.Extraction.Formats.Excel;

/// <summary>A1-style cell references: "C7" is row 6, column 2 (0-based); "A1:B2" a range.</summary>
internal static class CellReference
{
    private const int MaxColumn = 16_384;

    /// <summary>Parses "C7" (a leading "$" and sheet-absolute marks allowed).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out (int Row, int Column) cell)
    {
        cell = default;
        text = text.Trim();
        var i = 0;
        var column = 0;
        if (i < text.Length && text[i] == '$') i++;
        var letters = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            if (column > MaxColumn) return false;
            i++;
        }
        if (i == letters) return false;
        if (i < text.Length && text[i] == '$') i++;
        if (!int.TryParse(text[i..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) || row < 1) return false;
        cell = (row - 1, column - 1);
        return true;
    }

    /// <summary>Parses "A1:B2" (or a single cell) into its corners, ordered.</summary>
    public static bool TryParseRange(string text, out (int Row, int Column, int LastRow, int LastColumn) range)
    {
        range = default;
        var colon = text.IndexOf(':');
        if (!TryParse(colon < 0 ? text : text.AsSpan(0, colon), out var first)) return false;
        var last = first;
        if (colon >= 0 && !TryParse(text.AsSpan(colon + 1), out last)) return false;
        range = (Math.Min(first.Row, last.Row), Math.Min(first.Column, last.Column), Math.Max(first.Row, last.Row), Math.Max(first.Column, last.Column));
        return true;
    }
}
