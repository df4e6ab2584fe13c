using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>Writes a list counter the way a numbering format shows it: 3, c, C, iii, III, 03.</summary>
internal static class NumberFormats
{
    /// <summary>The counter <paramref name="value"/> in <paramref name="format"/> (decimal when unknown).</summary>
    public static string Format(int value, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.LowerLetter) return Letters(value).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter) return Letters(value);
        if (format == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(value);
        if (format == NumberFormatValues.DecimalZero) return value.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Word repeats the letter past z: 27 is "aa", 28 "bb".
    private static string Letters(int value)
    {
        if (value <= 0) return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var letter = (char)('A' + (value - 1) % 26);
        return new string(letter, (value - 1) / 26 + 1);
    }

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000) return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (int Value, string Numeral)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new System.Text.StringBuilder();
        foreach (var (v, n) in numerals)
        {
            while (value >= v)
            {
                sb.Append(n);
                value -= v;
            }
        }
        return sb.ToString();
    }
}
