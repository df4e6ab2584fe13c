using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Labels;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// Finds values by their labels: "Label: value" in one text, the value in the text under a label that stands
/// alone, and in tables the cell right of (or under) a label cell. Each find is scored by how well the label
/// matched, how near the value stands, and how well it fits the field's type.
/// </summary>
internal sealed class KeyValueReader(DocumentTexts texts, IReadOnlyList<FieldSpec> fields, LabelIndex labels, ReadingHints hints)
{
    // How much each layout counts: the value on the label's line is the surest, the text under a label the least.
    private const double SameText = 1;
    private const double RightCell = 0.97;
    private const double CellBelow = 0.9;
    private const double TextBelow = 0.85;
    private const double NoColon = 0.92;
    private const double Embedded = 0.55;

    private readonly BesideReader _beside = new(texts, fields, labels, hints);

    public IEnumerable<Candidate> Candidates()
    {
        foreach (var unit in texts.Units.Where(u => !u.IsTitle))
        {
            var matches = LabelFilters.NotInValues(unit.Tokens, LabelFilters.Outermost(labels.Find(unit.Tokens)));
            if (matches.Count == 0) continue;
            var starts = LabelStarts(unit, matches);
            var read = matches.Select(m => (Match: m, Candidate: Read(unit, m, starts, out var empty), Empty: empty)).ToList();
            var bare = read.Where(r => r.Empty).ToList();
            var aside = bare.Count > 0 ? _beside.TextsBeside(unit) : [];
            foreach (var (match, candidate, empty) in read)
            {
                // Bare labels (no value of theirs after them) pair in order with the texts beside theirs, when there are as many of each.
                var paired = empty && candidate is null && bare.Count == aside.Count ? _beside.Read(unit, match, aside[bare.FindIndex(b => b.Match == match)]) : null;
                if ((candidate ?? paired) is { } found) yield return found;
            }
            // Several bare labels and one text beside: their values in a row, one after the other.
            if (bare.Count > 1 && aside.Count == 1)
            {
                foreach (var found in _beside.InTurn(bare.Select(b => b.Match).ToList(), aside[0])) yield return found;
            }
        }
    }

    private Candidate? Read(TextUnit unit, LabelMatch match, SortedSet<int> starts, out bool empty)
    {
        empty = false;
        var tokens = unit.Tokens;
        var spec = fields[match.Target];
        var valueStart = match.Last + 1;
        var colon = false;
        while (valueStart < tokens.Length && !tokens[valueStart].IsWord && !IsValueSymbol(tokens[valueStart].Form))
        {
            colon |= tokens[valueStart].IsColon;
            valueStart++;
        }
        var end = starts.GetViewBetween(match.Last + 1, int.MaxValue).FirstOrDefault(tokens.Length);
        var score = match.Score * (colon ? 1 : NoColon) * (IsEmbedded(tokens, match.First) ? Embedded : 1);
        // An abbreviation's dot belongs to its label ("No.").
        var labelEnd = match.Last + 1 < tokens.Length && tokens[match.Last + 1] is { Form: ".", Start: var dot } && dot == tokens[match.Last].End ? dot + 1 : tokens[match.Last].End;
        var label = unit.Text[tokens[match.First].Start..labelEnd];
        var source = unit.Cell is null ? FieldSource.KeyValue : FieldSource.Table;

        empty = valueStart >= end;
        if (!empty)
        {
            var from = tokens[valueStart].Start;
            var to = end < tokens.Length ? tokens[end].Start : unit.Text.Length;
            // Text that is not of the field's type is not its value: the value stands elsewhere, as for a bare label.
            if (ValueReader.Read(unit.Text[from..to], spec, hints) is not { } value)
            {
                empty = true;
                return null;
            }
            return new Candidate(match.Target, value with { Start = value.Start + from }, unit, score * SameText * value.Fit, source) { Label = label };
        }
        // The label ends its text: the value stands beside or under it. A label followed by another label has no value here.
        if (end < tokens.Length) return null;
        foreach (var (neighbour, layout) in Neighbours(unit))
        {
            if (StartsWithLabel(neighbour)) continue;
            if (ValueReader.Read(neighbour.Text, spec, hints) is not { } value) continue;
            return new Candidate(match.Target, value, neighbour, score * layout * value.Fit, neighbour.Cell is null ? FieldSource.KeyValue : FieldSource.Table) { Label = label };
        }
        return null;
    }

    /// <summary>Where the value of a label that ends its text may stand: the cell to its right, then the one under it; for text, the next text on the page.</summary>
    private IEnumerable<(TextUnit Unit, double Layout)> Neighbours(TextUnit unit)
    {
        if (unit.Cell is { } cell)
        {
            // The next filled cell of the row, however many columns a spanned label cell covers.
            var right = Enumerable.Range(cell.Column + 1, Math.Max(0, texts.Tables[cell.Table].Table.ColumnCount - cell.Column - 1))
                .Select(c => texts.CellAt(cell.Table, cell.Row, c)).FirstOrDefault(u => u is not null);
            if (right is not null) yield return (right, RightCell);
            if (texts.CellAt(cell.Table, cell.Row + 1, cell.Column) is { } below) yield return (below, CellBelow);
            yield break;
        }
        if (unit.Order + 1 < texts.Units.Count && texts.Units[unit.Order + 1] is { Cell: null } next && next.Page == unit.Page && Below(unit, next))
        {
            yield return (next, TextBelow);
        }
    }

    /// <summary>Whether <paramref name="next"/> stands under <paramref name="unit"/> (or the format has no geometry to tell).</summary>
    private static bool Below(TextUnit unit, TextUnit next) =>
        unit.Box is not { } a || next.Box is not { } b || b.Top >= a.Top - 1 && b.Left < a.Right + a.Width && b.Right > a.Left - a.Width;

    /// <summary>Whether a text is a label itself: one that ends at a colon or is the whole text ("PO-7781" starts with "PO" but is a value).</summary>
    private bool StartsWithLabel(TextUnit unit)
    {
        var first = Array.FindIndex(unit.Tokens, t => t.IsWord);
        if (first < 0) return false;
        var lastWord = Array.FindLastIndex(unit.Tokens, t => t.IsWord);
        return labels.Find(unit.Tokens).Any(m => m.First == first && (LabelFilters.ColonAfter(unit.Tokens, m.Last) || m.Last == lastWord))
            || GenericLabelStarts(unit).Contains(first);
    }

    /// <summary>The tokens where a label starts: the fields' labels, and the word before any other colon ("Ref:"), which end the value before them.</summary>
    private static SortedSet<int> LabelStarts(TextUnit unit, List<LabelMatch> matches)
    {
        var starts = new SortedSet<int>(matches.Select(m => m.First));
        starts.UnionWith(GenericLabelStarts(unit).Where(s => !matches.Any(m => m.First <= s && s <= m.Last)));
        return starts;
    }

    private static IEnumerable<int> GenericLabelStarts(TextUnit unit)
    {
        var tokens = unit.Tokens;
        for (var i = 1; i < tokens.Length; i++)
        {
            if (!tokens[i].IsColon) continue;
            var j = i - 1;
            while (j >= 0 && tokens[j] is { IsWord: false, Form: "." }) j--;
            if (j < 0 || !tokens[j].HasLetter) continue;
            // Only the word before the colon: the words before it may be the last of a value ("Bob Chen Ref:").
            yield return j;
        }
    }

    /// <summary>Whether a word stands right before the label, making it part of a longer label this field is not ("Ship Date" for "date").</summary>
    private static bool IsEmbedded(LabelToken[] tokens, int first) => first > 0 && tokens[first - 1].HasLetter;

    private static bool IsValueSymbol(string form) => form is "$" or "€" or "£" or "¥" or "₹" or "+" or "(" or "-" or "−" or "☑" or "☒" or "☐" or "✓" or "✔" or "[";
}
