using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>
/// How one document writes numbers and dates, judged from its unambiguous cases: "1.234,56" or "12,50"
/// means a decimal comma; "25/12/2024" means day first, "12/25/2024" month first. An ambiguous "03/04/2024"
/// or "1.250" is then read the document's way; a document with no unambiguous date but amounts in US dollars
/// writes the month first, as the United States do.
/// </summary>
internal sealed partial record ReadingHints(bool DecimalComma, bool DayFirst)
{
    /// <summary>Decimal point, day first: the reading when a document gives no clue.</summary>
    public static ReadingHints Default { get; } = new(false, true);

    /// <summary>The hints of a document whose texts are <paramref name="texts"/>.</summary>
    public static ReadingHints From(IEnumerable<string> texts)
    {
        int comma = 0, point = 0, dayFirst = 0, monthFirst = 0, dollars = 0;
        foreach (var text in texts)
        {
            comma += DecimalCommaPattern().Count(text);
            dollars += DollarPattern().Count(text);
            point += DecimalPointPattern().Count(text);
            foreach (Match m in NumericDatePattern().Matches(text))
            {
                var a = int.Parse(m.Groups[1].Value);
                var b = int.Parse(m.Groups[2].Value);
                if (a > 12 && b <= 12) dayFirst++;
                else if (b > 12 && a <= 12) monthFirst++;
            }
        }
        var undecided = dayFirst == monthFirst;
        return new ReadingHints(comma > point, undecided ? dollars == 0 : dayFirst > monthFirst);
    }

    // Two decimals after the separator, at the end of a number: the usual way to write money.
    [GeneratedRegex(@"\d,\d{2}(?![\d,.])")]
    private static partial Regex DecimalCommaPattern();

    [GeneratedRegex(@"(?<![A-Z])\$\s?\d|\bUSD\b")]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"\d\.\d{2}(?![\d,.])")]
    private static partial Regex DecimalPointPattern();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}(?!\d)")]
    private static partial Regex NumericDatePattern();
}
