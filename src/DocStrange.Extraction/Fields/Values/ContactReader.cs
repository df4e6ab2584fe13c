using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>Reads e-mail addresses (lower-cased) and telephone numbers (a leading + and the digits).</summary>
internal static partial class ContactReader
{
    public static TypedValue? ReadEmail(string text)
    {
        var m = EmailPattern().Match(text);
        return m.Success ? new TypedValue(JsonValue.Create(m.Value.ToLowerInvariant()), m.Index, m.Length, m.Value) : null;
    }

    public static TypedValue? ReadPhone(string text)
    {
        foreach (Match m in PhonePattern().Matches(text))
        {
            // "03/04/1995" has a phone number's digits, but it is a date.
            if (DateReader.Read(m.Value, ReadingHints.Default) is { } date && date.Length >= m.Value.Trim().Length - 1) continue;
            var digits = new string([.. m.Value.Where(char.IsAsciiDigit)]);
            // Fewer digits is a reference or an amount; more is not one number (E.164 has at most 15).
            if (digits.Length is < 7 or > 15) continue;
            var value = (m.Value.StartsWith('+') ? "+" : "") + digits;
            return new TypedValue(JsonValue.Create(value), m.Index, m.Length, m.Value.Trim());
        }
        return null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w+])\+?\(?\d[\d ().\-/\u00a0]{5,}\d(?!\w)")]
    private static partial Regex PhonePattern();
}
