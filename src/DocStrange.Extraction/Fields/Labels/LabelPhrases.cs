namespace DocStrange.Extraction.Fields.Labels;

/// <summary>A label as compared: its words in their compared forms joined by one space ("invoice number").</summary>
internal static class LabelPhrases
{
    /// <summary>The compared phrase of a label as written ("Invoice No." → "invoice number").</summary>
    public static string Of(string label) => string.Join(' ', LabelTokenizer.Tokens(label).Where(t => t.IsWord).Select(t => t.Form));

    /// <summary>The compared phrase of a field name ("invoiceNumber", "invoice_number" → "invoice number").</summary>
    public static string OfName(string name) => string.Join(' ', LabelTokenizer.NameWords(name));
}
