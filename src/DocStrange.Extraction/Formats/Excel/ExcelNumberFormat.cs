using System.Globalization;
using System.Text;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// Shows a cell's number the way its number format does (ECMA-376 Part 1 §18.8.31): the section for
/// positive, negative, zero; "General"; digit placeholders, thousands separators, scaling commas,
/// percent and scientific notation (through .NET's custom numeric format, whose rules match Excel's);
/// fractions; literal text, colours and currency tags; and dates and times (<see cref="ExcelDateFormat"/>).
/// Formatting is culture-invariant (en-US conventions), as Excel shows built-in formats there.
/// </summary>
public static class ExcelNumberFormat
{
    private static readonly Dictionary<int, string> Builtins = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%",
        [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??", [14] = "m/d/yyyy", [15] = "d-mmm-yy", [16] = "d-mmm",
        [17] = "mmm-yy", [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "m/d/yyyy h:mm",
        [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)",
        [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mmss.0", [48] = "##0.0E+0", [49] = "@",
    };

    /// <summary>The format code of a built-in format id, or null when the id is not built in.</summary>
    public static string? Builtin(int id) => Builtins.GetValueOrDefault(id);

    /// <summary>Whether a format code shows dates or times.</summary>
    public static bool IsDate(string? code) => code is not null && Sections(code).Any(ExcelDateFormat.IsDateSection);

    /// <summary><paramref name="value"/> as <paramref name="code"/> shows it.</summary>
    public static string Format(double value, string? code, bool date1904)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return "#NUM!";
        if (string.IsNullOrWhiteSpace(code) || code.Equals("General", StringComparison.OrdinalIgnoreCase)) return General(value);
        var sections = Sections(code);
        var section = sections[0];
        var signed = value;
        if (value < 0 && sections.Count >= 2)
        {
            section = sections[1];
            signed = -value;
        }
        else if (value == 0 && sections.Count >= 3)
        {
            section = sections[2];
        }
        try
        {
            if (ExcelDateFormat.IsDateSection(section)) return ExcelDateFormat.Format(signed, section, date1904) ?? General(value);
            var body = StripBrackets(section, out var currency);
            if (body.Trim().Equals("General", StringComparison.OrdinalIgnoreCase)) return currency + General(signed);
            if (body.Contains('@')) return body.Replace("@", General(signed)).Replace("\"", "");
            if (HasFraction(body)) return Fraction(signed, body);
            var (scaled, scaledBody) = Scale(signed, body);
            return currency + scaled.ToString(ToDotNet(scaledBody), CultureInfo.InvariantCulture).Trim();
        }
        catch (FormatException)
        {
            return General(value);
        }
    }

    /// <summary>Excel's "General": integers in full, other numbers to 11 significant digits.</summary>
    public static string General(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return value.ToString("0", CultureInfo.InvariantCulture);
        return value.ToString("G11", CultureInfo.InvariantCulture);
    }

    /// <summary>The format's sections, split at semicolons outside quotes, escapes and brackets.</summary>
    public static List<string> Sections(string code)
    {
        var sections = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false, bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '\\' && i + 1 < code.Length && !quoted)
            {
                sb.Append(ch).Append(code[++i]);
                continue;
            }
            if (ch == '"') quoted = !quoted;
            else if (!quoted && ch == '[') bracket = true;
            else if (!quoted && ch == ']') bracket = false;
            if (ch == ';' && !quoted && !bracket)
            {
                sections.Add(sb.ToString());
                sb.Clear();
                continue;
            }
            sb.Append(ch);
        }
        sections.Add(sb.ToString());
        return sections;
    }

    // Drops [Red], [<100], [$-409]; a currency tag [$€-407] leaves its symbol in currency.
    private static string StripBrackets(string section, out string currency)
    {
        currency = "";
        var sb = new StringBuilder();
        for (var i = 0; i < section.Length; i++)
        {
            var ch = section[i];
            if (ch == '"')
            {
                var end = section.IndexOf('"', i + 1);
                end = end < 0 ? section.Length - 1 : end;
                sb.Append(section, i, end - i + 1);
                i = end;
            }
            else if (ch == '\\' && i + 1 < section.Length)
            {
                sb.Append(ch).Append(section[++i]);
            }
            else if (ch == '[')
            {
                var end = section.IndexOf(']', i);
                if (end < 0) break;
                var tag = section[(i + 1)..end];
                if (tag.StartsWith('$'))
                {
                    var symbol = tag[1..].Split('-')[0];
                    if (symbol.Length > 0) sb.Append('"').Append(symbol.Replace("\"", "")).Append('"');
                }
                i = end;
            }
            else
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    // Excel's format rules as .NET custom numeric format: _x (a space as wide as x) is a space, *x (fill) is dropped, ? is #.
    private static string ToDotNet(string body)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            switch (ch)
            {
                case '"':
                    var end = body.IndexOf('"', i + 1);
                    end = end < 0 ? body.Length - 1 : end;
                    sb.Append(body, i, end - i + 1);
                    i = end;
                    break;
                case '\\' when i + 1 < body.Length:
                    sb.Append('\\').Append(body[++i]);
                    break;
                case '_' when i + 1 < body.Length:
                    sb.Append(' ');
                    i++;
                    break;
                case '*' when i + 1 < body.Length:
                    i++;
                    break;
                case '?':
                    sb.Append('#');
                    break;
                case '\'':
                    sb.Append("\\'");
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    // Commas after the last digit placeholder divide by 1,000 each ("0.0,," shows millions); .NET only scales for commas before the decimal point.
    private static (double Value, string Body) Scale(double value, string body)
    {
        var last = body.LastIndexOfAny(['0', '#', '?']);
        if (last < 0) return (value, body);
        var end = last + 1;
        while (end < body.Length && body[end] == ',') end++;
        var commas = end - last - 1;
        if (commas == 0) return (value, body);
        return (value / Math.Pow(1000, commas), body[..(last + 1)] + body[end..]);
    }

    private static bool HasFraction(string body)
    {
        var slash = body.IndexOf('/');
        return slash > 0 && !body.Contains('"') && body[..slash].Any(c => c is '?' or '#' or '0') && body[(slash + 1)..].Any(c => c is '?' or '#' or '0' or >= '1' and <= '9');
    }

    // "# ?/?" and friends: a whole part (when the format has one) and the closest fraction with as many denominator digits as the format allows.
    private static string Fraction(double value, string body)
    {
        var slash = body.IndexOf('/');
        var denominatorText = new string(body[(slash + 1)..].TakeWhile(c => c is '?' or '#' or '0' or >= '1' and <= '9').ToArray());
        var fixedDenominator = int.TryParse(denominatorText, out var d) && d > 0 ? d : 0;
        var maxDenominator = fixedDenominator > 0 ? fixedDenominator : (int)Math.Pow(10, Math.Clamp(denominatorText.Length, 1, 4)) - 1;
        var numeratorStart = slash;
        while (numeratorStart > 0 && body[numeratorStart - 1] is '?' or '#' or '0') numeratorStart--;
        var hasWhole = body[..numeratorStart].Any(c => c is '?' or '#' or '0');
        var negative = value < 0;
        value = Math.Abs(value);
        var whole = hasWhole ? Math.Floor(value) : 0;
        var rest = value - whole;
        var (num, den) = fixedDenominator > 0 ? ((int)Math.Round(rest * fixedDenominator), fixedDenominator) : Closest(rest, maxDenominator);
        var sign = negative ? "-" : "";
        if (num == 0) return sign + whole.ToString("0", CultureInfo.InvariantCulture);
        if (num == den) return sign + (whole + 1).ToString("0", CultureInfo.InvariantCulture);
        var fraction = $"{num}/{den}";
        return whole > 0 ? $"{sign}{whole:0} {fraction}" : sign + fraction;
    }

    private static (int Numerator, int Denominator) Closest(double value, int maxDenominator)
    {
        var best = (0, 1);
        var error = double.MaxValue;
        for (var den = 1; den <= maxDenominator; den++)
        {
            var num = (int)Math.Round(value * den);
            var e = Math.Abs(value - num / (double)den);
            if (e < error - 1e-12)
            {
                best = (num, den);
                error = e;
            }
        }
        return best;
    }
}
