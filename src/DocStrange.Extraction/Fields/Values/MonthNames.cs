namespace DocStrange.Extraction.Fields.Values;

/// <summary>Month names and their usual abbreviations in English, German, French and Spanish, without accents.</summary>
internal static class MonthNames
{
    private static readonly string[][] ByMonth =
    [
        ["january", "jan", "januar", "janvier", "enero", "ene"],
        ["february", "feb", "februar", "fevrier", "fev", "febrero"],
        ["march", "mar", "marz", "maerz", "mars", "marzo"],
        ["april", "apr", "avril", "avr", "abril", "abr"],
        ["may", "mai", "mayo"],
        ["june", "jun", "juni", "juin", "junio"],
        ["july", "jul", "juli", "juillet", "juil", "julio"],
        ["august", "aug", "aout", "agosto", "ago"],
        ["september", "sep", "sept", "septembre", "septiembre"],
        ["october", "oct", "oktober", "okt", "octobre", "octubre"],
        ["november", "nov", "novembre", "noviembre"],
        ["december", "dec", "dezember", "dez", "decembre", "diciembre", "dic"],
    ];

    private static readonly Dictionary<string, int> Numbers = ByMonth
        .SelectMany((names, index) => names.Select(n => (n, index + 1)))
        .ToDictionary(p => p.n, p => p.Item2);

    /// <summary>The names as a regular-expression alternation, longest first (so "june" is not read as "jun" + "e").</summary>
    public static string Pattern { get; } = string.Join('|', Numbers.Keys.OrderByDescending(n => n.Length));

    /// <summary>The month (1-12) a name stands for, accents and a trailing dot ignored; null for no month.</summary>
    public static int? Number(string name)
    {
        var plain = Accents.Strip(name).TrimEnd('.').ToLowerInvariant();
        return Numbers.TryGetValue(plain, out var month) ? month : null;
    }
}
