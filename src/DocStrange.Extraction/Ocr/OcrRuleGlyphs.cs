using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Takes out the bar or bracket a recogniser reads out of a table's vertical rule where the rule
/// runs through a word: "18,870|" or "23,022]" beside a cell border is "18,870", and "paper (box)}9",
/// two cells read as one word across the rule between them, is "paper (box)" and "9". A sign is
/// taken out only where a rule found on the image (<see cref="ImageRules"/>) runs through it, so a
/// bracket the text has ("(415)") stays.
/// </summary>
internal static class OcrRuleGlyphs
{
    private const string RuleGlyphs = "|[]{}()!¦";
    private const string Bars = "|[]{}!¦";

    /// <summary>Whether the text has a sign a recogniser reads a rule as (brackets other than round ones).</summary>
    public static bool HasBar(string text) => text.AsSpan().IndexOfAny(Bars) >= 0;

    /// <summary>The line with such signs taken out of its words; a word that was only such a sign is dropped.</summary>
    public static OcrLine Trim(OcrLine line, IReadOnlyList<BoundingBox> verticalRules)
    {
        if (verticalRules.Count == 0) return line;
        var words = new List<OcrWord>(line.Words.Count);
        var changed = false;
        foreach (var word in line.Words)
        {
            var parts = Split(word, verticalRules);
            changed |= parts.Count != 1 || !ReferenceEquals(parts[0], word);
            words.AddRange(parts);
        }
        return changed ? line with { Words = words } : line;
    }

    // The word cut at each sign a rule runs through, the sign left out; each part keeps its share of the box.
    private static List<OcrWord> Split(OcrWord word, IReadOnlyList<BoundingBox> rules)
    {
        var text = word.Text;
        var box = word.Upright;
        if (text.Length == 0 || box.Width <= 0 || !rules.Any(r => Crosses(r, box.Left - 1, box.Right + 1, box))) return [word];
        var glyph = box.Width / text.Length;
        var cuts = new SortedSet<int>();
        foreach (var rule in rules.Where(r => Crosses(r, box.Left - 1, box.Right + 1, box)))
        {
            // The sign nearest the rule, within a glyph of it (glyph positions are estimated evenly); a
            // bar before a round bracket, which is more often the text's own.
            var x = (rule.Left + rule.Right) / 2;
            var nearest = Enumerable.Range(0, text.Length).Where(i => RuleGlyphs.Contains(text[i]))
                .Select(i => (Index: i, Distance: Math.Abs(box.Left + (i + 0.5) * glyph - x))).Where(c => c.Distance <= glyph)
                .OrderBy(c => Bars.Contains(text[c.Index]) ? 0 : 1).ThenBy(c => c.Distance).FirstOrDefault(c => true, (-1, 0));
            if (nearest.Index >= 0) cuts.Add(nearest.Index);
        }
        if (cuts.Count == 0) return [word];
        var parts = new List<OcrWord>();
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            if (cut > start)
            {
                var part = new BoundingBox(box.Left + start * glyph, box.Top, box.Left + cut * glyph, box.Bottom);
                parts.Add(word with { Text = text[start..cut], Upright = part });
            }
            start = cut + 1;
        }
        return parts;
    }

    // Whether a vertical rule runs through [left, right] at the word's middle height.
    private static bool Crosses(BoundingBox rule, double left, double right, BoundingBox word)
    {
        var x = (rule.Left + rule.Right) / 2;
        var middle = word.Top + word.Height / 2;
        return x >= left && x <= right && rule.Top <= middle && rule.Bottom >= middle;
    }
}
