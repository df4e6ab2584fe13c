using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Labels;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// Values that stand beside a text of bare labels: a borderless grid of labels and values that the page's layout
/// read as one text, with the values that did not fit it as texts to its right.
/// </summary>
internal sealed class BesideReader(DocumentTexts texts, IReadOnlyList<FieldSpec> fields, LabelIndex labels, ReadingHints hints)
{
    private const double Layout = 0.85;
    private const double NoColon = 0.92;

    /// <summary>
    /// The value of a bare label of <paramref name="unit"/> in a text beside it: a grid of labels and values the layout read
    /// as one text, with the values that did not fit it as texts to its right.
    /// </summary>
    public Candidate? Read(TextUnit unit, LabelMatch match, TextUnit neighbour)
    {
        if (ValueReader.Read(neighbour.Text, fields[match.Target], hints) is not { } value) return null;
        var label = unit.Text[unit.Tokens[match.First].Start..unit.Tokens[match.Last].End];
        return new Candidate(match.Target, value, neighbour, match.Score * NoColon * Layout * value.Fit, FieldSource.KeyValue) { Label = label };
    }

    /// <summary>
    /// The values of several bare labels in the one text beside them ("INV-7 14-Jun-2024 Bob Chen" for "Invoice No.",
    /// "Date", "Customer"), read in turn: a typed value must start where the last ended, a text runs to where the next
    /// label's typed value starts. Nothing unless every label gets a value and the text is used up.
    /// </summary>
    public List<Candidate> InTurn(List<LabelMatch> bare, TextUnit beside)
    {
        var found = new List<Candidate>();
        var offset = 0;
        for (var i = 0; i < bare.Count; i++)
        {
            while (offset < beside.Text.Length && char.IsWhiteSpace(beside.Text[offset])) offset++;
            var rest = beside.Text[offset..];
            var spec = fields[bare[i].Target];
            var take = rest.Length;
            if (spec.Type == FieldType.String && i + 1 < bare.Count)
            {
                var nextSpec = fields[bare[i + 1].Target];
                if (nextSpec.Type == FieldType.String || ValueReader.Read(rest, nextSpec, hints) is not { Start: > 0 } next) return [];
                take = next.Start;
            }
            if (rest.Length == 0 || ValueReader.Read(rest[..take], spec, hints) is not { } value || spec.Type != FieldType.String && value.Start != 0) return [];
            if (spec.Type != FieldType.String) take = value.Length;
            found.Add(new Candidate(bare[i].Target, value with { Start = value.Start + offset }, beside, bare[i].Score * NoColon * Layout * value.Fit, FieldSource.KeyValue));
            offset += take;
        }
        return beside.Text[offset..].Trim().Length == 0 ? found : [];
    }

    /// <summary>The texts right of <paramref name="unit"/> within its height, top to bottom, that hold no label.</summary>
    public List<TextUnit> TextsBeside(TextUnit unit)
    {
        if (unit.Box is not { } a) return [];
        return [.. texts.Units
            .Where(u => u.Cell is null && u.Page == unit.Page && u.Order != unit.Order && u.Box is { } b
                && b.Top < a.Bottom && b.Bottom > a.Top && b.Left > a.Left + a.Height / 4 && LabelFilters.NotInValues(u.Tokens, labels.Find(u.Tokens)).Count == 0)
            .OrderBy(u => u.Box!.Value.Top)];
    }
}
