namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Splits a line at its dot leaders, as in a table of contents ("Preface . . . . . . xi"): the text
/// with its leader stays one segment and the page number after it becomes another, so the entries
/// and their page numbers line up as two columns.
/// </summary>
public static class LeaderDots
{
    /// <summary>The fewest leader characters that make a leader.</summary>
    public const int MinDots = 3;

    /// <summary>The words before and including the leader, and the words after it; null when the line has no leader before a final short token.</summary>
    public static (List<LayoutWord> Entry, List<LayoutWord> Target)? Split(IReadOnlyList<LayoutWord> words)
    {
        if (words.Count < 2) return null;
        var last = words[^1];
        if (last.Text.Length > 12 || IsLeader(last.Text)) return null;
        var dots = 0;
        for (var i = words.Count - 2; i >= 0 && IsLeader(words[i].Text); i--) dots += words[i].Text.Count(ch => ch is '.' or '·' or '…' or '_');
        if (dots >= MinDots) return (words.Take(words.Count - 1).ToList(), [last]);
        return null;
    }

    private static bool IsLeader(string text) => text.Length > 0 && text.All(ch => ch is '.' or '·' or '…' or '_');
}
