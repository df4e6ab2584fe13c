using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields.Labels;

/// <summary>The compared form of a label word: lower case, no accents, the usual abbreviations spelt out, singular.</summary>
internal static class WordForms
{
    private static readonly Dictionary<string, string> Spelt = new(StringComparer.Ordinal)
    {
        ["#"] = "number", ["no"] = "number", ["nr"] = "number", ["num"] = "number", ["nbr"] = "number", ["nº"] = "number", ["numero"] = "number", ["nummer"] = "number",
        ["qty"] = "quantity", ["amt"] = "amount", ["inv"] = "invoice", ["tel"] = "phone", ["telephone"] = "phone", ["ph"] = "phone",
        ["acct"] = "account", ["ref"] = "reference", ["addr"] = "address", ["desc"] = "description", ["dt"] = "date",
        ["mail"] = "email", ["po"] = "purchase order",
    };

    public static string Normalise(string word)
    {
        var lower = Accents.Strip(word.ToLowerInvariant());
        if (Spelt.TryGetValue(lower, out var spelt)) return spelt;
        return Singular(lower);
    }

    private static string Singular(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return word;
        return word.EndsWith('s') ? word[..^1] : word;
    }
}
