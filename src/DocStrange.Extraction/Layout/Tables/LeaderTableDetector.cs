using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Lines;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Tables of contents and other lists with dot leaders ("Preface . . . . . xi"): a run of at least
/// <see cref="MinEntries"/> lines, close under one another, that end in a leader and a short target
/// becomes a two-column table of entries and targets. A line without a leader directly above an entry
/// is the first part of that entry, wrapped. The leaders stay with the entries, as they are drawn.
/// </summary>
public sealed class LeaderTableDetector : ITableDetector
{
    /// <summary>The fewest entries of a table.</summary>
    public const int MinEntries = 3;

    /// <summary>The one instance; it holds no state.</summary>
    public static LeaderTableDetector Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<TableRegion> Detect(PageContent page, IReadOnlyList<LayoutLine> lines)
    {
        var result = new List<TableRegion>();
        foreach (var part in PageGutters.Split(lines.Where(l => l.Words.Count > 0 && l.Words[0].IsUpright).ToList()))
        {
            var ordered = part.OrderBy(l => l.Baseline).ThenBy(l => l.Box.Left).ToList();
            var run = new List<(List<LayoutLine> Entry, LayoutLine Target)>();
            var pending = new List<LayoutLine>();
            foreach (var line in ordered)
            {
                var previous = run.Count > 0 ? run[^1].Target : null;
                var close = previous is null || line.Box.Top - Math.Max(previous.Box.Bottom, pending.Count > 0 ? pending[^1].Box.Bottom : 0) <= 2.5 * Math.Max(1, line.FontSize);
                if (!close) Flush(run, result);
                if (LeaderDots.Split(line.Words) is var (entry, target))
                {
                    var wrapped = pending.Where(p => Math.Abs(p.FontSize - line.FontSize) <= 0.5 && Math.Abs(p.Box.Left - line.Box.Left) <= 2 * line.FontSize);
                    run.Add(([.. wrapped, LineText.ToLine(entry)], LineText.ToLine(target)));
                    pending.Clear();
                }
                else if (pending.Count == 0 && line.Words.Count > 0)
                {
                    pending.Add(line);
                }
                else
                {
                    pending.Clear();
                    Flush(run, result);
                }
            }
            Flush(run, result);
        }
        return result;
    }

    private static void Flush(List<(List<LayoutLine> Entry, LayoutLine Target)> run, List<TableRegion> into)
    {
        if (run.Count >= MinEntries)
        {
            var cells = new List<TableCell>();
            for (var r = 0; r < run.Count; r++)
            {
                cells.Add(new TableCell(r, 0, LineJoiner.Join(run[r].Entry.Select(l => l.Text))));
                cells.Add(new TableCell(r, 1, LineJoiner.Join([run[r].Target.Text])));
            }
            var words = run.SelectMany(e => e.Entry.SelectMany(l => l.Words).Concat(e.Target.Words)).ToList();
            into.Add(new TableRegion(new Table(run.Count, 2, cells), words.Select(w => w.Box).UnionAll()!.Value, words));
        }
        run.Clear();
    }
}
