using System.Globalization;
using System.Text;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// Dates and times in Excel format codes: a serial day number (1900 system with its phantom 29 February
/// 1900, or the 1904 system) shown through tokens such as <c>yyyy</c>, <c>mmm</c>, <c>d</c>, <c>h</c>,
/// <c>mm</c> (minutes after an hour or before seconds), <c>ss.00</c>, <c>AM/PM</c> and elapsed <c>[h]</c>.
/// Month and day names are English.
/// </summary>
internal static class ExcelDateFormat
{
    /// <summary>Whether a format section shows a date or time: it has y, m, d, h or s outside quotes, escapes and brackets (other than [h], [m], [s]).</summary>
    public static bool IsDateSection(string section)
    {
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            if (ch == '"')
            {
                var end = section.IndexOf('"', i + 1);
                if (end < 0) return false;
                i = end;
            }
            else if (ch is '\\' or '_' or '*') i++;
            else if (ch == '[')
            {
                var end = section.IndexOf(']', i);
                if (end < 0) return false;
                var tag = section[(i + 1)..end].ToLowerInvariant();
                if (tag is "h" or "hh" or "m" or "mm" or "s" or "ss") return true;
                i = end;
            }
            else if (char.ToLowerInvariant(ch) is 'y' or 'm' or 'd' or 'h' or 's') return !section.Contains("General", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>The serial <paramref name="serial"/> shown by <paramref name="section"/>, or null when it is no valid date.</summary>
    public static string? Format(double serial, string section, bool date1904)
    {
        var tokens = Tokenize(section);
        // Without fractional seconds in the format, Excel rounds to the nearest second.
        if (ToDate(serial, date1904, wholeSeconds: !tokens.Any(t => t.Kind == 'f')) is not { } date) return null;
        var twelveHour = tokens.Any(t => t.Kind == 'a');
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, text) = tokens[i];
            switch (kind)
            {
                case 'y':
                    sb.Append(text.Length <= 2 ? (date.Year % 100).ToString("00", CultureInfo.InvariantCulture) : date.Year.ToString(CultureInfo.InvariantCulture));
                    break;
                case 'm' when IsMinute(tokens, i):
                    sb.Append(text.Length >= 2 ? date.Minute.ToString("00", CultureInfo.InvariantCulture) : date.Minute.ToString(CultureInfo.InvariantCulture));
                    break;
                case 'm':
                    sb.Append(text.Length switch
                    {
                        1 => date.Month.ToString(CultureInfo.InvariantCulture),
                        2 => date.Month.ToString("00", CultureInfo.InvariantCulture),
                        3 => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month),
                        5 => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)[..1],
                        _ => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month),
                    });
                    break;
                case 'd':
                    sb.Append(text.Length switch
                    {
                        1 => date.Day.ToString(CultureInfo.InvariantCulture),
                        2 => date.Day.ToString("00", CultureInfo.InvariantCulture),
                        3 => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek),
                        _ => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(date.DayOfWeek),
                    });
                    break;
                case 'h':
                    var hour = twelveHour ? (date.Hour % 12 == 0 ? 12 : date.Hour % 12) : date.Hour;
                    sb.Append(text.Length >= 2 ? hour.ToString("00", CultureInfo.InvariantCulture) : hour.ToString(CultureInfo.InvariantCulture));
                    break;
                case 's':
                    sb.Append(text.Length >= 2 ? date.Second.ToString("00", CultureInfo.InvariantCulture) : date.Second.ToString(CultureInfo.InvariantCulture));
                    break;
                case 'f':
                    var fraction = (date.Ticks % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
                    sb.Append(fraction.ToString("F" + text.Length.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)[1..]);
                    break;
                case 'a':
                    var pm = date.Hour >= 12;
                    sb.Append(text.Length <= 3 ? (pm ? text[2..] : text[..1]) : pm ? text[3..] : text[..2]);
                    break;
                case 'e':
                    var span = TimeSpan.FromDays(serial);
                    sb.Append(text switch
                    {
                        "h" or "hh" => Math.Floor(span.TotalHours).ToString(CultureInfo.InvariantCulture),
                        "m" or "mm" => Math.Floor(span.TotalMinutes).ToString(CultureInfo.InvariantCulture),
                        _ => Math.Floor(span.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    });
                    break;
                default:
                    sb.Append(text);
                    break;
            }
        }
        return sb.ToString().Trim();
    }

    private static DateTime? ToDate(double serial, bool date1904, bool wholeSeconds)
    {
        if (serial < 0 || serial > 2958466) return null;
        var milliseconds = (long)Math.Round(serial * 86_400_000d);
        if (wholeSeconds) milliseconds = (long)Math.Round(milliseconds / 1000d) * 1000;
        if (date1904) return new DateTime(1904, 1, 1).AddMilliseconds(milliseconds);
        // The 1900 system counts a 29 February 1900 that never was: serials from 61 on are a day ahead.
        return milliseconds < 61L * 86_400_000 ? new DateTime(1899, 12, 31).AddMilliseconds(milliseconds) : new DateTime(1899, 12, 30).AddMilliseconds(milliseconds);
    }

    // m is minutes when it follows an hour or comes before seconds.
    private static bool IsMinute(List<(char Kind, string Text)> tokens, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (tokens[j].Kind is 'h' or 'e') return true;
            if (tokens[j].Kind is 'y' or 'm' or 'd' or 's') break;
        }
        for (var j = i + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Kind == 's') return true;
            if (tokens[j].Kind is 'y' or 'm' or 'd' or 'h') break;
        }
        return false;
    }

    // Tokens: y m d h s (runs), f (fraction of a second), a (AM/PM, A/P), e (elapsed [h] [m] [s]), '-' (literal text).
    private static List<(char Kind, string Text)> Tokenize(string section)
    {
        var tokens = new List<(char, string)>();
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            var lower = char.ToLowerInvariant(ch);
            if (ch == '"')
            {
                var end = section.IndexOf('"', i + 1);
                end = end < 0 ? section.Length : end;
                tokens.Add(('-', section[(i + 1)..end]));
                i = end;
            }
            else if (ch == '\\' && i + 1 < section.Length) tokens.Add(('-', section[++i].ToString()));
            else if (ch == '_' && i + 1 < section.Length)
            {
                tokens.Add(('-', " "));
                i++;
            }
            else if (ch == '*') i++;
            else if (ch == '[')
            {
                var end = section.IndexOf(']', i);
                end = end < 0 ? section.Length - 1 : end;
                var tag = section[(i + 1)..end].ToLowerInvariant();
                if (tag.Length > 0 && tag.All(c => c == tag[0]) && tag[0] is 'h' or 'm' or 's') tokens.Add(('e', tag));
                i = end;
            }
            else if (string.Compare(section, i, "AM/PM", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                tokens.Add(('a', "AM/PM"));
                i += 4;
            }
            else if (string.Compare(section, i, "A/P", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            {
                tokens.Add(('a', section.Substring(i, 3)));
                i += 2;
            }
            else if (lower is 'y' or 'm' or 'd' or 'h' or 's' or 'e' or 'b' or 'g')
            {
                var run = 1;
                while (i + run < section.Length && char.ToLowerInvariant(section[i + run]) == lower) run++;
                var kind = lower switch { 'e' => 'y', 'b' => 'y', 'g' => '-', _ => lower };
                tokens.Add((kind, kind == '-' ? "" : new string(lower, kind == 'y' && lower != 'y' ? 4 : run)));
                i += run - 1;
            }
            else if (ch == '.' && i + 1 < section.Length && section[i + 1] == '0' && tokens.Count > 0 && tokens[^1].Item1 == 's')
            {
                var run = 0;
                while (i + 1 + run < section.Length && section[i + 1 + run] == '0') run++;
                tokens.Add(('f', new string('0', run)));
                i += run;
            }
            else tokens.Add(('-', ch.ToString()));
        }
        return tokens;
    }
}
