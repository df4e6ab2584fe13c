namespace DocStrange.Extraction.Layout.Lines;

/// <summary>
/// Groups words into lines by baseline and gap, left to right: a word joins the line whose last word
/// ends just before it (within <see cref="LineBuilderOptions.MaxWordGap"/>) on the same baseline, or
/// on a raised or lowered one when the word is smaller (superscripts and subscripts stay on their
/// line as separate words). A wide gap ends the line, so the columns of a page and the cells of a
/// table give separate lines; between words set in a fixed-pitch face a wider gap is allowed, as code
/// aligns its parts with spaces. Words that are not upright each make their own line.
/// </summary>
public sealed class LineBuilder(LineBuilderOptions options) : ILineBuilder
{
    /// <summary>A builder with the default options.</summary>
    public static LineBuilder Instance { get; } = new(LineBuilderOptions.Default);

    /// <inheritdoc />
    public IReadOnlyList<LayoutLine> Build(IReadOnlyList<LayoutWord> words)
    {
        var open = new List<Acc>();
        var done = new List<Acc>();
        foreach (var word in words.Where(w => w.IsUpright).OrderBy(w => w.Box.Left))
        {
            Acc? best = null;
            var bestScore = double.MaxValue;
            for (var i = open.Count - 1; i >= 0; i--)
            {
                var acc = open[i];
                if (acc.Right < word.Box.Left - Math.Max(options.MaxWordGap, options.MaxMonospaceGap) * 2 * Math.Max(acc.Size, word.FontSize))
                {
                    // Nothing further right can join it any more.
                    done.Add(acc);
                    open.RemoveAt(i);
                    continue;
                }
                if (Score(acc, word) is { } score && score < bestScore)
                {
                    best = acc;
                    bestScore = score;
                }
            }
            if (best is null) open.Add(new Acc(word));
            else best.Add(word);
        }
        done.AddRange(open);
        var lines = done.Select(a => LineText.ToLine(a.Words)).ToList();
        lines.AddRange(SidewaysLines(words.Where(w => !w.IsUpright)));
        lines.Sort((a, b) => a.Box.Top != b.Box.Top ? a.Box.Top.CompareTo(b.Box.Top) : a.Box.Left.CompareTo(b.Box.Left));
        return lines;
    }

    // Words turned sideways make lines along their shared baseline (one x range), read in their direction.
    private IEnumerable<LayoutLine> SidewaysLines(IEnumerable<LayoutWord> words)
    {
        var lines = new List<List<LayoutWord>>();
        foreach (var word in words.OrderBy(w => w.Box.Top))
        {
            var line = lines.LastOrDefault(l => l[0].Rotation == word.Rotation
                && l[^1].Box.HorizontalOverlap(word.Box) > 0.5 * Math.Min(l[^1].Box.Width, word.Box.Width)
                && word.Box.Top - l.Max(w => w.Box.Bottom) <= options.MaxWordGap * word.FontSize);
            if (line is null) lines.Add([word]);
            else line.Add(word);
        }
        return lines.Select(l => LineText.ToLine(l[0].Rotation == 90 ? l.OrderByDescending(w => w.Box.Bottom).ToList() : l));
    }

    // Lower is better; null when the word cannot join the line.
    private double? Score(Acc line, LayoutWord word)
    {
        var size = Math.Max(line.Size, word.FontSize);
        if (Math.Min(line.Size, word.FontSize) < options.MinLineSizeRatio * size) return null;
        var gap = word.Box.Left - line.Right;
        var maxGap = word.Monospace && line.Words[^1].Monospace ? options.MaxMonospaceGap : options.MaxWordGap;
        if (gap > maxGap * size) return null;
        var drop = word.Baseline - line.Baseline;
        var sameSize = Math.Min(line.Size, word.FontSize);
        if (Math.Abs(drop) <= options.BaselineTolerance * sameSize) return Math.Abs(drop) + Math.Max(0, gap) * 0.01;
        if (word.FontSize <= options.ScriptSizeRatio * line.Size
            && drop >= -options.SuperscriptRise * line.Size && drop <= options.SubscriptDrop * line.Size)
        {
            return Math.Abs(drop) + 1 + Math.Max(0, gap) * 0.01;
        }
        // A line that so far holds only a small raised word (a footnote mark) takes the text it sits on.
        if (line.Size <= options.ScriptSizeRatio * word.FontSize
            && -drop >= -options.SuperscriptRise * word.FontSize && -drop <= options.SubscriptDrop * word.FontSize)
        {
            return Math.Abs(drop) + 1 + Math.Max(0, gap) * 0.01;
        }
        return null;
    }

    private sealed class Acc
    {
        public Acc(LayoutWord first)
        {
            Words.Add(first);
            Baseline = first.Baseline;
            Size = first.FontSize;
            Right = first.Box.Right;
        }

        public List<LayoutWord> Words { get; } = [];

        public double Baseline { get; private set; }

        public double Size { get; private set; }

        public double Right { get; private set; }

        public void Add(LayoutWord word)
        {
            Words.Add(word);
            Right = Math.Max(Right, word.Box.Right);
            // The line's baseline and size are those of its largest text, not of a superscript.
            if (word.FontSize > Size * 1.05)
            {
                Size = word.FontSize;
                Baseline = word.Baseline;
            }
        }
    }
}
