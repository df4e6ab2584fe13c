namespace DocStrange.Extraction.Tests.Ocr.Paddle;

/// <summary>How alike two texts read: 1 − Levenshtein distance ÷ the longer length, over the texts with runs of whitespace made single spaces.</summary>
internal static class TextSimilarity
{
    public static double Of(string a, string b)
    {
        a = string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        b = string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
