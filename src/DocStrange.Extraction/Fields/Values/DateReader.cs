using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>
/// Reads dates in their usual written forms into ISO 8601: 2024-03-14, 14/03/2024, 03/14/24, 14.03.2024,
/// 14 March 2024, 14th Mar 2024, March 14, 2024, 14-Mar-2024, 14 de marzo de 2024; with a time for date-times.
/// An all-numeric date whose day and month could swap is read the document's way (<see cref="ReadingHints.DayFirst"/>).
/// </summary>
internal static partial class DateReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex DayMonthName = new(
        $@"(?<!\w)(?<d>\d{{1,2}})(?:st|nd|rd|th|\.)?[\s-]*(?:de\s+)?(?<m>{MonthNames.Pattern})\.?,?[\s-]*(?:de\s+)?(?<y>\d{{4}}|\d{{2}})(?!\d)", Options);

    private static readonly Regex MonthNameDay = new(
        $@"(?<!\w)(?<m>{MonthNames.Pattern})\.?[\s-]*(?<d>\d{{1,2}})(?:st|nd|rd|th)?,?[\s-]+(?<y>\d{{4}})(?!\d)", Options);

    /// <summary>The first date in <paramref name="text"/>, with its time when <paramref name="withTime"/>; null when there is none.</summary>
    public static TypedValue? Read(string text, ReadingHints hints, bool withTime = false)
    {
        var plain = Accents.Strip(text);
        var best = (Match: (Match?)null, Date: (DateOnly?)null);
        foreach (var (match, date) in Candidates(plain, hints))
        {
            if (date is not null && (best.Match is null || match.Index < best.Match.Index)) best = (match, date);
        }
        if (best is not { Match: { } m, Date: { } found }) return null;
        var length = m.Length;
        string iso = found.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (withTime && TimePattern().Match(plain, m.Index + m.Length) is { Success: true } time && time.Index == m.Index + m.Length)
        {
            var hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture) % 24;
            if (time.Groups["ampm"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) && hour < 12) hour += 12;
            if (time.Groups["ampm"].Value.Equals("am", StringComparison.OrdinalIgnoreCase) && hour == 12) hour = 0;
            var seconds = time.Groups["s"].Success ? time.Groups["s"].Value : "00";
            iso += $"T{hour:00}:{time.Groups["mi"].Value}:{seconds}";
            length += time.Length;
        }
        return new TypedValue(JsonValue.Create(iso), m.Index, length, text.Substring(m.Index, length).Trim());
    }

    private static IEnumerable<(Match, DateOnly?)> Candidates(string text, ReadingHints hints)
    {
        foreach (Match m in IsoPattern().Matches(text)) yield return (m, Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        foreach (Match m in NumericPattern().Matches(text))
        {
            var (first, second) = (int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture));
            var dayFirst = first > 12 || second <= 12 && hints.DayFirst;
            yield return (m, dayFirst ? Make(m.Groups["y"].Value, second, first) : Make(m.Groups["y"].Value, first, second));
        }
        foreach (Match m in DayMonthName.Matches(text)) yield return (m, Make(m.Groups["y"].Value, MonthNames.Number(m.Groups["m"].Value), m.Groups["d"].Value));
        foreach (Match m in MonthNameDay.Matches(text)) yield return (m, Make(m.Groups["y"].Value, MonthNames.Number(m.Groups["m"].Value), m.Groups["d"].Value));
    }

    private static DateOnly? Make(string year, string month, string day) =>
        Make(year, int.Parse(month, CultureInfo.InvariantCulture), int.Parse(day, CultureInfo.InvariantCulture));

    private static DateOnly? Make(string year, int? month, string day) => Make(year, month, int.Parse(day, CultureInfo.InvariantCulture));

    private static DateOnly? Make(string year, int? month, int day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        // Two-digit years are this century's: documents are rarely older than the 2000s or later than 2099.
        if (year.Length == 2) y += 2000;
        if (month is not { } m || m is < 1 or > 12 || y is < 1000 or > 9999 || day < 1 || day > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, day);
    }

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"(?<![\d.,])(?<a>\d{1,2})[./-](?<b>\d{1,2})[./-](?<y>\d{4}|\d{2})(?![\d])")]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"\G,?\s*(?:at\s+|T)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>am|pm)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
