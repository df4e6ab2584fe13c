using DocStrange.Extraction.Fields.Labels;

namespace DocStrange.Extraction.Fields;

/// <summary>Which labels found in a text are labels there: not one inside a longer one, not the start of a value, not the prefix of a code.</summary>
internal static class LabelFilters
{
    /// <summary>
    /// Drops a label that stands where a labelled value begins without a colon of its own: in
    /// "Invoice No.: INV-2024-0042" the "INV" is the value, not the label "invoice".
    /// </summary>
    public static List<LabelMatch> NotInValues(LabelToken[] tokens, List<LabelMatch> matches)
    {
        var valueStarts = matches.Where(m => ColonAfter(tokens, m.Last)).Select(m => FirstWordAfter(tokens, m.Last)).ToHashSet();
        return [.. matches.Where(m => (!valueStarts.Contains(m.First) || ColonAfter(tokens, m.Last)) && !PartOfCode(tokens, m.Last))];
    }

    /// <summary>Whether the label's last word runs into a code ("PO-7781", "INV/2024"): then it is a value's prefix.</summary>
    public static bool PartOfCode(LabelToken[] tokens, int last) =>
        last + 2 < tokens.Length && tokens[last + 1] is { IsWord: false, Form: "-" or "/" or "_" } joiner
        && joiner.Start == tokens[last].End && tokens[last + 2].Start == joiner.End && tokens[last + 2].IsWord;

    /// <summary>Whether a colon follows the label before the next word.</summary>
    public static bool ColonAfter(LabelToken[] tokens, int last)
    {
        for (var i = last + 1; i < tokens.Length && !tokens[i].IsWord; i++)
        {
            if (tokens[i].IsColon) return true;
        }
        return false;
    }

    /// <summary>The first word after the label; -1 when none follows.</summary>
    public static int FirstWordAfter(LabelToken[] tokens, int last)
    {
        for (var i = last + 1; i < tokens.Length; i++)
        {
            if (tokens[i].IsWord) return i;
        }
        return -1;
    }

    /// <summary>Drops a label inside a longer one ("date" in "due date"): the longer names the value.</summary>
    public static List<LabelMatch> Outermost(List<LabelMatch> matches) =>
        [.. matches.Where(m => !matches.Any(o => o.First <= m.First && o.Last >= m.Last && o.Last - o.First > m.Last - m.First))];
}
