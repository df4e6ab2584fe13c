namespace DocStrange.Extraction.Layout;

/// <summary>
/// Whether a page is set in a fixed-pitch face as a whole (a typescript, a transcript, a report typed
/// on a terminal): there the face says nothing about code, so its aligned columns may be a table and
/// its lines paragraphs. Judged by the share of the characters set in fixed-pitch words.
/// </summary>
public static class FixedPitchPages
{
    /// <summary>The share of a page's characters in fixed-pitch words from which the page is typewritten.</summary>
    public const double MinShare = 0.6;

    /// <summary>Whether most of the words' characters are set in a fixed-pitch face.</summary>
    public static bool IsTypewritten(IEnumerable<LayoutWord> words) => IsTypewritten(words.Select(w => (w.Text.Length, w.Monospace)));

    /// <summary>Whether most of the lines' characters are set in a fixed-pitch face.</summary>
    public static bool IsTypewritten(IEnumerable<LayoutLine> lines) => IsTypewritten(lines.Select(l => (l.Text.Length, l.Monospace)));

    private static bool IsTypewritten(IEnumerable<(int Characters, bool FixedPitch)> runs)
    {
        int all = 0, fixedPitch = 0;
        foreach (var (characters, isFixed) in runs)
        {
            all += characters;
            if (isFixed) fixedPitch += characters;
        }
        return all > 0 && fixedPitch >= MinShare * all;
    }
}
