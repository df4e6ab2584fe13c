using DocStrange.Extraction.Fields.Labels;

namespace DocStrange.Extraction.Fields;

/// <summary>Recognises the rows under the items of a table that sum them up (subtotal, tax, shipping, total), which are not items.</summary>
internal static class TotalsRows
{
    private static readonly HashSet<string> Words = [.. new[]
    {
        "total", "subtotal", "sub total", "tax", "vat", "gst", "sales tax", "shipping", "discount", "balance", "amount due", "balance due",
        "grand total", "freight", "handling", "deposit", "paid", "amount paid", "sum", "summe", "gesamt", "gesamtbetrag", "zwischensumme",
        "mwst", "ust", "tva", "iva", "net total", "total due", "total ht", "total ttc", "sous total", "rounding", "tip", "change", "cash",
    }.Select(LabelPhrases.Of)];

    /// <summary>Whether a cell's text is a totals label ("Subtotal", "VAT 20%", "Total due:").</summary>
    public static bool IsTotalsLabel(string text)
    {
        var phrase = LabelPhrases.Of(text);
        if (Words.Contains(phrase)) return true;
        var words = phrase.Split(' ');
        // "VAT 20 %", "Total (EUR)": the label's first words, then a rate or a currency.
        for (var n = Math.Min(3, words.Length); n >= 1; n--)
        {
            if (Words.Contains(string.Join(' ', words[..n])) && words.Skip(n).All(w => w.Length <= 3 || w.All(char.IsDigit))) return true;
        }
        return false;
    }
}
