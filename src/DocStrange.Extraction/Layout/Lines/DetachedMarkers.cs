using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout.Lines;

/// <summary>
/// Puts markers back on their lines: a bullet ("•") or a section number ("5.1") set apart from the
/// text it introduces by a wide gap makes a line of its own, though both sit on one baseline. A line
/// that is only a marker is joined to the nearest line to its right on that baseline.
/// </summary>
public static partial class DetachedMarkers
{
    private const double MaxGapInFontSizes = 6;

    /// <summary>The lines with each lone marker joined to its line; markers with no such line stay as they are.</summary>
    public static IReadOnlyList<LayoutLine> Reattach(IReadOnlyList<LayoutLine> lines)
    {
        var result = lines.ToList();
        var removed = new bool[result.Count];
        for (var m = 0; m < result.Count; m++)
        {
            if (removed[m] || !IsLoneMarker(result[m])) continue;
            var marker = result[m];
            var target = FindLine(result, removed, m, marker);
            if (target < 0) continue;
            var line = result[target];
            result[target] = line.Words.Count > 0 && marker.Words.Count > 0
                ? LineText.ToLine([.. marker.Words, .. line.Words])
                : line with { Text = marker.Text + " " + line.Text, Box = marker.Box.Union(line.Box) };
            removed[m] = true;
        }
        return result.Where((_, i) => !removed[i]).ToList();
    }

    private static int FindLine(List<LayoutLine> lines, bool[] removed, int markerIndex, LayoutLine marker)
    {
        var best = -1;
        var bestGap = double.MaxValue;
        var center = (marker.Box.Top + marker.Box.Bottom) / 2;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == markerIndex || removed[i]) continue;
            var line = lines[i];
            var size = Math.Max(1, line.FontSize);
            var gap = line.Box.Left - marker.Box.Right;
            if (center < line.Box.Top || center > line.Box.Bottom || gap < -0.5 || gap > MaxGapInFontSizes * size) continue;
            if (gap < bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    private static bool IsLoneMarker(LayoutLine line) => Marker().IsMatch(line.Text);

    [GeneratedRegex(@"^(?:[•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076\-–*]|\d{1,2}(?:\.\d{1,2}){0,4}\.?|\d{1,2}\)|[IVX]{1,4}\.|[A-Za-z][.)])$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
