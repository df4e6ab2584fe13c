using DocStrange.Document.Errors;

namespace DocStrange.Document.Files;

/// <summary>
/// A set of 1-based page numbers written as ranges, e.g. <c>1-3,7,10-</c> (an open end runs to the
/// last page). Parsed once where the request arrives; readers ask <see cref="Contains"/>.
/// </summary>
public sealed class PageSelection
{
    private readonly (int From, int To)[] _ranges;

    private PageSelection((int, int)[] ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    /// <summary>Every page.</summary>
    public static PageSelection All { get; } = new([(1, int.MaxValue)], "");

    /// <summary>The canonical text form (empty for all pages).</summary>
    public string Text { get; }

    /// <summary>Whether a page is selected.</summary>
    public bool Contains(int page) => _ranges.Any(r => page >= r.From && page <= r.To);

    /// <summary>How many of a document's pages are selected.</summary>
    public int CountIn(int pageCount) => Enumerable.Range(1, Math.Max(0, pageCount)).Count(Contains);

    /// <summary>Parses <c>"1-3,7"</c>; null or blank means all pages. Throws <see cref="ErrorCode.InvalidRequest"/> when malformed.</summary>
    public static PageSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return All;
        var ranges = new List<(int, int)>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = raw.IndexOf('-');
            var ok = dash < 0
                ? TryPage(raw, out var from) & TryPage(raw, out var to)
                : TryPage(raw[..dash].Trim(), out from) & (dash == raw.Length - 1 ? SetMax(out to) : TryPage(raw[(dash + 1)..].Trim(), out to));
            if (!ok || from > to)
            {
                throw new DocStrangeException(ErrorCode.InvalidRequest,
                    $"'pages' must be page numbers and ranges such as \"1-3,7\"; \"{raw}\" is not one.",
                    new Dictionary<string, object?> { ["field"] = "pages", ["value"] = text });
            }
            ranges.Add((from, to));
        }
        if (ranges.Count == 0) return All;
        var canonical = string.Join(',', ranges.Select(r => r.Item2 == int.MaxValue ? $"{r.Item1}-" : r.Item1 == r.Item2 ? $"{r.Item1}" : $"{r.Item1}-{r.Item2}"));
        return new PageSelection([.. ranges], canonical);
    }

    private static bool TryPage(string s, out int page) => int.TryParse(s, out page) && page >= 1;

    private static bool SetMax(out int value)
    {
        value = int.MaxValue;
        return true;
    }
}
