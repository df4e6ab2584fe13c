using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Where one list item sits: its depth, its number (for ordered lists), the text width of its ancestors'
/// markers, how many open lists end before it, whether it starts a new list, and whether that new list
/// directly follows one of the same kind at its depth (which Markdown would read as one list).
/// </summary>
internal readonly record struct ListStep(int Depth, int Number, int Indent, int Closed, bool Opened, bool Split = false);

/// <summary>
/// Follows a run of consecutive list items and numbers them. A level deeper than one below the open
/// lists is pulled up (a level-2 item right after a level-0 item nests one level), so the output
/// never skips a level; an item whose ordered flag differs from the open list at its depth starts a new
/// list, and so does a numbered item whose own <see cref="Block.Number"/> does not follow the open list's
/// last number (a list that restarts); a new list starts at its first item's number when it has one. Indents are the widths of the ancestors' markers, which is what CommonMark needs for nesting
/// (<c>- </c> is 2 wide, <c>1. </c> is 3, <c>10. </c> is 4).
/// </summary>
internal sealed class ListTracker
{
    private readonly List<(bool Ordered, int Count, int MarkerWidth)> open = [];

    /// <summary>How many lists are open.</summary>
    public int Depth => open.Count;

    /// <summary>The plain-text marker of an item: <c>- </c>, or its number and a dot for ordered lists.</summary>
    public static string Marker(bool ordered, int number) => ordered ? $"{number}. " : "- ";

    /// <summary>Places the next list item.</summary>
    public ListStep Next(Block item)
    {
        var depth = Math.Clamp(item.Level, 0, open.Count);
        var before = open.Count;
        while (open.Count > depth + 1) open.RemoveAt(open.Count - 1);
        var split = false;
        if (open.Count == depth + 1 && (open[depth].Ordered != item.Ordered || Renumbers(open[depth].Count, item)))
        {
            split = open[depth].Ordered == item.Ordered;
            open.RemoveAt(depth);
        }
        var closed = before - open.Count;
        var opened = open.Count == depth;
        var number = opened ? FirstNumber(item) : open[depth].Count + 1;
        if (opened) open.Add((item.Ordered, 0, 0));
        open[depth] = (item.Ordered, number, Marker(item.Ordered, number).Length);
        var indent = 0;
        for (var i = 0; i < depth; i++) indent += open[i].MarkerWidth;
        return new ListStep(depth, number, indent, closed, opened, split);
    }

    // CommonMark takes start numbers of at most nine digits.
    private const int MaxNumber = 999_999_999;

    private static bool Renumbers(int count, Block item) => item.Ordered && item.Number is { } n && Math.Clamp(n, 0, MaxNumber) != count + 1;

    private static int FirstNumber(Block item) => item.Ordered && item.Number is { } n ? Math.Clamp(n, 0, MaxNumber) : 1;

    /// <summary>Ends the run: the next item starts a new list.</summary>
    public void Reset() => open.Clear();
}
