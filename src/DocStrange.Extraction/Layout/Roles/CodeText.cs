using System.Text;

namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// The text of a code block laid out as it is drawn: one line per text line, indentation and the
/// gaps between words turned into spaces by the width of one character of the fixed-pitch face, and
/// an empty line where the lines are spaced further apart than usual.
/// </summary>
public static class CodeText
{
    /// <summary>The lines as code, with their relative indentation.</summary>
    public static string Of(IReadOnlyList<LayoutLine> lines)
    {
        var charWidth = CharWidth(lines);
        var left = lines.Min(l => l.Box.Left);
        var spacing = Spacing(lines);
        var sb = new StringBuilder();
        LayoutLine? previous = null;
        foreach (var line in lines)
        {
            if (previous is not null)
            {
                sb.Append('\n');
                var gap = line.Baseline - previous.Baseline;
                for (var blank = (int)Math.Round(gap / spacing) - 1; blank > 0 && spacing > 0; blank--) sb.Append('\n');
            }
            previous = line;
            if (charWidth <= 0 || line.Words.Count == 0)
            {
                sb.Append(line.Text);
                continue;
            }
            sb.Append(' ', Spaces(line.Box.Left - left, charWidth));
            var end = line.Words[0].Box.Left;
            foreach (var word in line.Words)
            {
                if (word != line.Words[0]) sb.Append(' ', Math.Max(1, Spaces(word.Box.Left - end, charWidth)));
                sb.Append(word.Text);
                end = word.Box.Right;
            }
        }
        return TextCleanup.NormalizeKeepingLines(sb.ToString());
    }

    // The usual distance between consecutive baselines: the smallest one (0 for a single line).
    private static double Spacing(IReadOnlyList<LayoutLine> lines)
    {
        var least = 0.5 * Math.Max(1, lines[0].FontSize);
        var gaps = lines.Zip(lines.Skip(1), (a, b) => b.Baseline - a.Baseline).Where(g => g > least).ToList();
        return gaps.Count == 0 ? 0 : gaps.Min();
    }

    private static int Spaces(double gap, double charWidth) => Math.Max(0, (int)Math.Round(gap / charWidth));

    // The median advance per character over the words, which in a fixed-pitch face is every character's.
    private static double CharWidth(IReadOnlyList<LayoutLine> lines)
    {
        var widths = lines.SelectMany(l => l.Words).Where(w => w.Text.Length > 0).Select(w => w.Box.Width / w.Text.Length).Order().ToList();
        return widths.Count == 0 ? 0 : widths[widths.Count / 2];
    }
}
