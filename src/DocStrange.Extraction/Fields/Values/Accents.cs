using System.Text;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>
/// Removes accents ("é" → "e", "ü" → "u") so labels and month names compare the same however they are typed.
/// A table rather than Unicode decomposition: the service runs with invariant globalization.
/// </summary>
internal static class Accents
{
    private const string From = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž";
    private const string To = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";

    /// <summary>The text with each accented letter replaced by its plain letter, keeping its length and case.</summary>
    public static string Strip(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var at = From.IndexOf(char.ToLowerInvariant(c));
            plain.Append(at < 0 ? c : char.IsUpper(c) ? char.ToUpperInvariant(To[at]) : To[at]);
        }
        return plain.ToString();
    }
}
