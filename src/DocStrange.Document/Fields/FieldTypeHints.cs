namespace DocStrange.Document.Fields;

/// <summary>The type a field's name suggests when the caller gives none: a name is usually a good hint (<c>due_date</c>, <c>total</c>).</summary>
public static class FieldTypeHints
{
    private static readonly (string Word, FieldType Type)[] Hints =
    [
        ("date", FieldType.Date), ("dob", FieldType.Date), ("birthday", FieldType.Date),
        ("email", FieldType.Email), ("mail", FieldType.Email),
        ("phone", FieldType.Phone), ("tel", FieldType.Phone), ("telephone", FieldType.Phone), ("fax", FieldType.Phone), ("mobile", FieldType.Phone),
        ("total", FieldType.Currency), ("amount", FieldType.Currency), ("price", FieldType.Currency), ("subtotal", FieldType.Currency),
        ("tax", FieldType.Currency), ("vat", FieldType.Currency), ("balance", FieldType.Currency), ("cost", FieldType.Currency), ("fee", FieldType.Currency),
        ("quantity", FieldType.Number), ("qty", FieldType.Number), ("count", FieldType.Integer), ("rate", FieldType.Number),
    ];

    /// <summary>The type for <paramref name="name"/>: its last word that hints at one, else text.</summary>
    public static FieldType FromName(string name)
    {
        var words = name.ToLowerInvariant().Split(['_', '-', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        // "number" names an identifier (invoice_number), not a quantity, so it is text.
        if (words.Length > 0 && words[^1] is "number" or "no" or "id" or "ref" or "reference") return FieldType.String;
        for (var i = words.Length - 1; i >= 0; i--)
        {
            foreach (var (word, type) in Hints)
            {
                if (words[i] == word) return type;
            }
        }
        return FieldType.String;
    }
}
