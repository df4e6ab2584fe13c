namespace DocStrange.Extraction.Fields.Labels;

/// <summary>How alike two labels are, for the typos and OCR slips of real documents ("Invoce Number").</summary>
internal static class Similarity
{
    private const int MaxStackLength = 256;

    /// <summary>
    /// 1 minus the edit distance over the longer length, in [0, 1]. Below <paramref name="floor"/> the exact
    /// figure does not matter: the comparison stops as soon as the distance is sure to be too large, and returns 0.
    /// </summary>
    public static double Ratio(string a, string b, double floor = 0)
    {
        var longest = Math.Max(a.Length, b.Length);
        if (longest == 0) return 1;
        if (b.Length >= MaxStackLength) return 0;
        var allowed = (int)Math.Floor((1 - floor) * longest);
        if (Math.Abs(a.Length - b.Length) > allowed) return 0;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            // Every later row is at least this row's smallest entry.
            if (rowMin > allowed) return 0;
            var swap = previous;
            previous = current;
            current = swap;
        }
        return 1 - (double)previous[b.Length] / longest;
    }
}
