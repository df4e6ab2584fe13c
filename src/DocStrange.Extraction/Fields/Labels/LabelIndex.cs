namespace DocStrange.Extraction.Fields.Labels;

/// <summary>Where a label of a target stands in a text: its first and last tokens, and how well it matched.</summary>
internal readonly record struct LabelMatch(int Target, int First, int Last, double Score);

/// <summary>
/// The labels of every field asked for, looked up by phrase, so finding them in a text costs a few
/// dictionary reads per word however many fields there are. Near misses ("Invoce No") are compared only
/// where a label is likely: before a colon, or as the whole of a short text.
/// </summary>
internal sealed class LabelIndex
{
    /// <summary>The most words a label has.</summary>
    public const int MaxWords = 6;

    private const double FuzzyThreshold = 0.82;
    private const double FuzzyDiscount = 0.9;
    private const int MinFuzzyLength = 5;
    private const int ShortTextWords = 5;

    private static readonly HashSet<string> Joiners = [".", "/", "-", "&", "'", "’"];

    private readonly Dictionary<string, List<(int Target, double Weight)>> _byPhrase = new(StringComparer.Ordinal);

    // Near misses are looked for among phrases of about the same length with the same first letter: a slip
    // rarely hits the first letter, and this keeps a schema of a thousand fields from comparing every pair.
    private readonly Dictionary<(char First, int Length), List<string>> _byShape = [];

    /// <summary>Adds the labels of one target (a field, a column).</summary>
    public void Add(int target, IEnumerable<LabelVariant> variants)
    {
        foreach (var variant in variants)
        {
            if (!_byPhrase.TryGetValue(variant.Phrase, out var targets))
            {
                _byPhrase[variant.Phrase] = targets = [];
                var shape = (variant.Phrase[0], variant.Phrase.Length);
                if (!_byShape.TryGetValue(shape, out var alike)) _byShape[shape] = alike = [];
                alike.Add(variant.Phrase);
            }
            targets.Add((target, variant.Weight));
        }
    }

    /// <summary>Every label in <paramref name="tokens"/>, overlapping ones included.</summary>
    public List<LabelMatch> Find(LabelToken[] tokens)
    {
        var matches = new List<LabelMatch>();
        var words = tokens.Count(t => t.IsWord);
        for (var first = 0; first < tokens.Length; first++)
        {
            if (!tokens[first].HasLetter) continue;
            var phrase = "";
            var count = 0;
            for (var last = first; last < tokens.Length && count < MaxWords; last++)
            {
                var token = tokens[last];
                if (!token.IsWord)
                {
                    if (Joiners.Contains(token.Form)) continue;
                    break;
                }
                phrase = count == 0 ? token.Form : phrase + " " + token.Form;
                count++;
                if (_byPhrase.TryGetValue(phrase, out var exact))
                {
                    foreach (var (target, weight) in exact) matches.Add(new LabelMatch(target, first, last, weight));
                }
                else if (phrase.Length >= MinFuzzyLength && (EndsAtColon(tokens, last) || count == words && words <= ShortTextWords))
                {
                    AddNearMisses(phrase, first, last, matches);
                }
            }
        }
        return matches;
    }

    private void AddNearMisses(string phrase, int first, int last, List<LabelMatch> matches)
    {
        var spread = phrase.Length / 4 + 1;
        for (var length = phrase.Length - spread; length <= phrase.Length + spread; length++)
        {
            if (!_byShape.TryGetValue((phrase[0], length), out var alike)) continue;
            foreach (var known in alike)
            {
                var ratio = Similarity.Ratio(known, phrase, FuzzyThreshold);
                if (ratio < FuzzyThreshold) continue;
                foreach (var (target, weight) in _byPhrase[known]) matches.Add(new LabelMatch(target, first, last, ratio * FuzzyDiscount * weight));
            }
        }
    }

    private static bool EndsAtColon(LabelToken[] tokens, int last)
    {
        for (var i = last + 1; i < tokens.Length; i++)
        {
            if (tokens[i].IsColon) return true;
            if (tokens[i].IsWord || !Joiners.Contains(tokens[i].Form)) return false;
        }
        return false;
    }
}
