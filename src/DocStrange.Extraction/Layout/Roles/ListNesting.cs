namespace DocStrange.Extraction.Layout.Roles;

/// <summary>
/// The nesting depth of consecutive list items from their indents: an item indented at least
/// <see cref="MinStep"/> font sizes further than the one before goes one level deeper, an item back
/// at an earlier indent returns to that level. Anything other than a list item ends the list.
/// </summary>
public sealed class ListNesting
{
    /// <summary>The smallest indent, in font sizes, that makes a deeper level.</summary>
    public const double MinStep = 0.8;

    private readonly List<double> _indents = [];

    /// <summary>The level (0 = top) of a list item whose marker starts at <paramref name="left"/>.</summary>
    public int Next(double left, double fontSize)
    {
        var step = MinStep * Math.Max(1, fontSize);
        for (var level = _indents.Count - 1; level >= 0; level--)
        {
            if (left > _indents[level] + step)
            {
                _indents.RemoveRange(level + 1, _indents.Count - level - 1);
                _indents.Add(left);
                return level + 1;
            }
            if (left >= _indents[level] - step)
            {
                _indents.RemoveRange(level + 1, _indents.Count - level - 1);
                return level;
            }
        }
        _indents.Clear();
        _indents.Add(left);
        return 0;
    }

    /// <summary>Ends the current list.</summary>
    public void Reset() => _indents.Clear();
}
