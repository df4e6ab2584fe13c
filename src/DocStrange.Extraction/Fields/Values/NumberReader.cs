using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>
/// Reads numbers as people write them: either decimal convention, thousands grouped by comma, point, space or
/// apostrophe, a sign or accounting parentheses, a currency symbol or code on either side, a percent sign.
/// </summary>
internal static partial class NumberReader
{
    /// <summary>The first number in <paramref name="text"/>; null when there is none.</summary>
    public static TypedValue? Read(string text, ReadingHints hints, bool integer = false)
    {
        foreach (Match m in AmountPattern().Matches(text))
        {
            if (ToDecimal(m.Groups["num"].Value, hints) is not { } number) continue;
            var negative = m.Groups["sign"].Value is "-" or "−" || m.Groups["sign2"].Success || m.Groups["open"].Success && m.Groups["close"].Success;
            if (negative) number = -number;
            if (integer && number != decimal.Truncate(number)) continue;
            var symbol = m.Groups["cur1"].Success ? m.Groups["cur1"].Value : m.Groups["cur2"].Value;
            var raw = m.Value.Trim();
            return new TypedValue(integer ? JsonValue.Create((long)number) : JsonValue.Create(number), m.Index, m.Length, raw)
            {
                Currency = symbol.Length > 0 ? CurrencyCodes.CodeOf(symbol) : null,
                // A bare number next to other words may be an identifier; a currency or percent sign makes it an amount.
                Fit = symbol.Length > 0 || m.Groups["pct"].Success ? 1 : 0.9,
            };
        }
        return null;
    }

    /// <summary>The value of the digits and separators of one number, the decimal mark decided by its shape and the document's hints.</summary>
    public static decimal? ToDecimal(string digits, ReadingHints hints)
    {
        var s = Spaces().Replace(digits, "").Replace("'", "").Replace("’", "");
        var lastPoint = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        char? mark;
        if (lastPoint >= 0 && lastComma >= 0) mark = lastPoint > lastComma ? '.' : ',';
        else if (lastPoint < 0 && lastComma < 0) mark = null;
        else
        {
            var separator = lastPoint >= 0 ? '.' : ',';
            var at = Math.Max(lastPoint, lastComma);
            var repeated = s.Count(c => c == separator) > 1;
            var after = s.Length - at - 1;
            // "1,250" and "1.250" are thousands or a decimal by the document's convention; "12,50" and "1.5" are decimals.
            mark = repeated ? null
                : after != 3 ? separator
                : separator == ',' ? (hints.DecimalComma ? ',' : null)
                : (hints.DecimalComma ? null : '.');
        }
        var cleaned = new string([.. s.Where(c => char.IsAsciiDigit(c) || c == mark)]);
        if (mark is { } m) cleaned = cleaned.Replace(m, '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [GeneratedRegex(@"\s")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<![\w.,])(?<open>\()?(?<sign>[-+−])?\s?(?:(?<cur1>US\$|R\$|C\$|A\$|[$€£¥₹]|USD|EUR|GBP|CHF|JPY|CAD|AUD|INR|SEK|NOK|DKK|PLN)\s?)?(?<sign2>[-−])?(?<num>\d{1,3}(?:(?:[,.'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])(?:\s?(?<cur2>[$€£¥₹]|USD|EUR|GBP|CHF|JPY|CAD|AUD|INR|SEK|NOK|DKK|PLN|kr|zł)(?![A-Za-z]))?(?<pct>\s?%)?(?<close>\))?")]
    private static partial Regex AmountPattern();
}
