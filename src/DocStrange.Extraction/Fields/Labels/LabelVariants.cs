using DocStrange.Document.Fields;

namespace DocStrange.Extraction.Fields.Labels;

/// <summary>A label a field may stand under, with how much a match on it counts (its own name 1, a synonym a little less).</summary>
internal readonly record struct LabelVariant(string Phrase, double Weight);

/// <summary>The labels to look for a field under: its name, its title, a short description, and their synonyms.</summary>
internal static class LabelVariants
{
    private const int MaxDescriptionWords = 6;

    /// <summary>The variants of <paramref name="spec"/>; <paramref name="parent"/> is the name of the object holding it, if any ("vendor" for vendor.name).</summary>
    public static IReadOnlyList<LabelVariant> For(FieldSpec spec, string? parent = null, bool column = false)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string phrase, double weight)
        {
            if (phrase.Length == 0) return;
            if (!found.TryGetValue(phrase, out var known) || known < weight) found[phrase] = weight;
        }
        void AddWithSynonyms(string phrase, double weight)
        {
            Add(phrase, weight);
            foreach (var other in LabelSynonyms.Of(phrase, column)) Add(other, weight * 0.95);
            // "customer id" and "customer number" name the same thing.
            if (phrase.EndsWith(" number", StringComparison.Ordinal)) Add(phrase[..^" number".Length] + " id", weight * 0.95);
            if (phrase.EndsWith(" id", StringComparison.Ordinal)) Add(phrase[..^" id".Length] + " number", weight * 0.95);
        }

        var name = LabelPhrases.OfName(spec.Name);
        AddWithSynonyms(name, 1);
        if (spec.Title is { } title) AddWithSynonyms(LabelPhrases.Of(title), 1);
        if (spec.Description is { } description && LabelPhrases.Of(description) is var words && words.Count(c => c == ' ') < MaxDescriptionWords)
        {
            AddWithSynonyms(words, 0.9);
        }
        if (parent is not null)
        {
            // "vendor name" is the vendor's name; the bare "name" could be anyone's.
            var parentPhrase = LabelPhrases.OfName(parent);
            foreach (var (phrase, weight) in found.ToList()) Add($"{parentPhrase} {phrase}", weight);
            foreach (var phrase in found.Keys.Where(p => !p.StartsWith(parentPhrase + " ", StringComparison.Ordinal)).ToList()) found[phrase] *= 0.8;
        }
        return [.. found.Select(p => new LabelVariant(p.Key, p.Value))];
    }
}
