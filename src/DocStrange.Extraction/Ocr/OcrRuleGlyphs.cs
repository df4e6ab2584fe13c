using DocStrange.Document.Model;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Takes off the bar or bracket a recogniser reads out of a table's vertical rule where the rule
/// touches a word: "18,870|" or "23,022]" beside a cell border is "18,870". A sign is taken off only
/// where a rule found on the image (<see cref="ImageRules"/>) runs through the end of the word it
/// stands at, so a bracket the text has ("(415)") stays.
/// </summary>
internal static class OcrRuleGlyphs
{
    private const string RuleGlyphs = "|[]{}()!¦";

    /// <summary>The line with such signs taken off its words; a word that was only such a sign is dropped.</summary>
    public static OcrLine Trim(OcrLine line, IReadOnlyList<BoundingBox> verticalRules)
    {
        if (verticalRules.Count == 0) return line;
        var words = new List<OcrWord>(line.Words.Count);
        var changed = false;
        foreach (var word in line.Words)
        {
            var trimmed = Trim(word, verticalRules);
            changed |= !ReferenceEquals(trimmed, word);
            if (trimmed is not null) words.Add(trimmed);
        }
        return changed ? line with { Words = words } : line;
    }

    private static OcrWord? Trim(OcrWord word, IReadOnlyList<BoundingBox> rules)
    {
        var text = word.Text;
        var box = word.Upright;
        if (text.Length == 0 || box.Width <= 0) return word;
        var glyph = box.Width / text.Length;
        var start = 0;
        var end = text.Length;
        // One sign at each end at most: a rule is one stroke.
        if (RuleGlyphs.Contains(text[0]) && Crosses(rules, box.Left, box.Left + glyph, box)) start = 1;
        if (end > start && RuleGlyphs.Contains(text[end - 1]) && Crosses(rules, box.Right - glyph, box.Right, box)) end--;
        if (start == 0 && end == text.Length) return word;
        if (end <= start) return null;
        var upright = new BoundingBox(box.Left + start * glyph, box.Top, box.Right - (text.Length - end) * glyph, box.Bottom);
        return word with { Text = text[start..end], Upright = upright };
    }

    // Whether a vertical rule runs through [left, right] over the word's height.
    private static bool Crosses(IReadOnlyList<BoundingBox> rules, double left, double right, BoundingBox word) =>
        rules.Any(r => (r.Left + r.Right) / 2 >= left - 1 && (r.Left + r.Right) / 2 <= right + 1
            && r.Top <= word.Top + word.Height / 2 && r.Bottom >= word.Top + word.Height / 2);
}
