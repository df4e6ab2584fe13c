using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// Puts markers back on their lines: segmenters often cut a bullet ("•") or a section number
/// ("5.1") from the text it introduces because of the wide gap between them, though both sit on
/// one baseline. A lone marker block is prefixed to the nearest line to its right on that baseline.
/// </summary>
public static partial class DetachedMarkers
{
    private const double MaxGapInFontSizes = 6;

    /// <summary>The blocks with each lone marker joined to its line; markers with no such line stay as they are.</summary>
    public static IReadOnlyList<LayoutBlock> Reattach(IReadOnlyList<LayoutBlock> blocks)
    {
        var lines = blocks.Select(b => b.Lines.ToList()).ToList();
        var removed = new bool[blocks.Count];
        for (var m = 0; m < blocks.Count; m++)
        {
            if (!IsLoneMarker(blocks[m])) continue;
            var marker = blocks[m].Lines[0];
            var target = FindLine(lines, removed, m, marker);
            if (target is not var (b, l)) continue;
            var line = lines[b][l];
            lines[b][l] = line with { Text = marker.Text + " " + line.Text, Box = marker.Box.Union(line.Box) };
            removed[m] = true;
        }
        var result = new List<LayoutBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!removed[i]) result.Add(new LayoutBlock(lines[i]));
        }
        return result;
    }

    private static (int Block, int Line)? FindLine(List<List<LayoutLine>> lines, bool[] removed, int markerBlock, LayoutLine marker)
    {
        (int, int)? best = null;
        var bestGap = double.MaxValue;
        var center = (marker.Box.Top + marker.Box.Bottom) / 2;
        for (var b = 0; b < lines.Count; b++)
        {
            if (b == markerBlock || removed[b]) continue;
            for (var l = 0; l < lines[b].Count; l++)
            {
                var line = lines[b][l];
                var size = Math.Max(1, line.FontSize);
                var gap = line.Box.Left - marker.Box.Right;
                if (center < line.Box.Top || center > line.Box.Bottom || gap < -0.5 || gap > MaxGapInFontSizes * size) continue;
                if (gap < bestGap)
                {
                    bestGap = gap;
                    best = (b, l);
                }
            }
        }
        return best;
    }

    private static bool IsLoneMarker(LayoutBlock block) => block.Lines.Count == 1 && Marker().IsMatch(block.Lines[0].Text);

    [GeneratedRegex(@"^(?:[•●▪◦■□‣⁃○►➢✓\uF0B7\uF0A7\uF0D8\uF076\-–*]|\d{1,2}(?:\.\d{1,2}){0,4}\.?|\d{1,2}\)|[IVX]{1,4}\.|[A-Za-z][.)])$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
