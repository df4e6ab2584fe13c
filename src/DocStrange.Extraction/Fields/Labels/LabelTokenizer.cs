using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Labels;

/// <summary>Splits a text into <see cref="LabelToken"/>s; the same for a document's text and a field's name, so both compare alike.</summary>
internal static partial class LabelTokenizer
{
    public static LabelToken[] Tokens(string text)
    {
        // Same-length rewrites keep every offset valid: "e-mail" is one word, as is "sub-total".
        var joined = JoinedWords().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + " ");
        // "P.O." is "PO": initials written with dots are one word.
        joined = Initials().Replace(joined, m => m.Groups[1].Value + m.Groups[2].Value + "  ");
        var tokens = new List<LabelToken>();
        foreach (Match m in TokenPattern().Matches(joined))
        {
            var isWord = char.IsLetterOrDigit(m.Value[0]) || m.Value == "#";
            tokens.Add(new LabelToken(isWord ? WordForms.Normalise(m.Value) : m.Value, m.Index, m.Index + m.Length, isWord));
        }
        return [.. tokens];
    }

    /// <summary>The words of a field's name or title: snake_case, kebab-case and camelCase split apart.</summary>
    public static string[] NameWords(string name)
    {
        var spaced = CamelBoundary().Replace(name, "$1 $2").Replace('_', ' ').Replace('-', ' ');
        return [.. Tokens(spaced).Where(t => t.IsWord).Select(t => t.Form)];
    }

    [GeneratedRegex(@"\b(e|sub)[-‐ ](mail|total)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedWords();

    [GeneratedRegex(@"\b(\p{L})\.(\p{L})\.")]
    private static partial Regex Initials();

    [GeneratedRegex(@"[\p{L}\p{N}]+|#|\S")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
