namespace DocStrange.Extraction.Fields.Labels;

/// <summary>
/// Labels that mean the same on business documents: a field named by any of a group is looked for under
/// every label of it. Groups are written as people write labels and compared in their compared form.
/// </summary>
internal static class LabelSynonyms
{
    private static readonly string[][] Groups =
    [
        ["invoice number", "invoice id", "invoice", "bill number", "invoice reference", "rechnungsnummer", "rechnung nr", "facture no", "numero de facture", "factura no"],
        ["date", "invoice date", "issue date", "issued on", "date of issue", "dated", "date issued", "issued", "bill date", "datum", "rechnungsdatum", "fecha", "date de facture", "order date", "receipt date", "transaction date"],
        ["due date", "payment due", "due by", "due on", "pay by", "payment due date", "due", "faellig", "zahlbar bis", "date d'echeance", "echeance", "fecha de vencimiento"],
        ["total", "total amount", "amount due", "total due", "balance due", "grand total", "amount payable", "total payable", "invoice total", "total to pay", "balance", "total amount due", "gesamtbetrag", "gesamt", "summe", "endbetrag", "montant total", "total ttc", "importe total", "total a pagar", "amount"],
        ["subtotal", "net amount", "net total", "total before tax", "amount before tax", "total excl tax", "nettobetrag", "zwischensumme", "sous total", "total ht", "base imponible"],
        ["tax", "tax amount", "vat", "vat amount", "sales tax", "gst", "mwst", "ust", "tva", "iva", "tax total"],
        ["tax rate", "vat rate", "tax percent", "vat percent", "steuersatz"],
        ["purchase order number", "purchase order", "order number", "po number", "order id", "order reference", "order", "bestellnummer", "numero de commande"],
        ["delivery date", "deliver by", "ship date", "shipping date", "delivery", "lieferdatum", "liefertermin", "date de livraison"],
        ["customer name", "customer", "bill to", "billed to", "client", "sold to", "client name", "kunde", "buyer"],
        ["vendor name", "vendor", "supplier", "supplier name", "seller", "merchant", "store", "from", "lieferant"],
        ["customer number", "customer id", "account number", "client number", "kundennummer"],
        ["email", "email address", "e mail", "contact email"],
        ["phone", "phone number", "mobile", "contact number", "telephone number", "mobile number", "telefon"],
        ["receipt number", "receipt", "transaction number", "transaction id", "receipt id"],
        ["payment method", "paid by", "payment type", "payment", "tender", "zahlungsart"],
        ["currency", "waehrung", "devise", "moneda"],
        ["full name", "name", "applicant name", "applicant"],
        ["date of birth", "birth date", "dob", "born"],
    ];

    // Column headers of line-item tables: "total" there is the line's amount, not the document's.
    private static readonly string[][] ColumnGroups =
    [
        ["description", "item", "product", "service", "details", "article", "item description", "product description", "beschreibung", "artikel", "designation", "descripcion"],
        ["quantity", "units", "hours", "menge", "anzahl", "quantite", "cantidad", "unit"],
        ["unit price", "price", "rate", "unit cost", "price per unit", "each", "einzelpreis", "prix unitaire", "precio unitario", "cost"],
        ["line total", "amount", "total", "ext price", "extended price", "net", "gesamtpreis", "betrag", "montant", "importe", "line amount", "total price"],
        ["sku", "item code", "product code", "code", "part number", "article number", "artikelnummer", "reference"],
    ];

    private static readonly Dictionary<string, List<string>> ByPhrase = Build(Groups);
    private static readonly Dictionary<string, List<string>> ByColumnPhrase = Build(ColumnGroups);

    /// <summary>The other phrases of every group <paramref name="phrase"/> (a compared phrase) is in, among labels or among column headers.</summary>
    public static IEnumerable<string> Of(string phrase, bool column = false) =>
        (column ? ByColumnPhrase : ByPhrase).TryGetValue(phrase, out var others) ? others : [];

    private static Dictionary<string, List<string>> Build(string[][] groups)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var phrases = group.Select(LabelPhrases.Of).Distinct().ToList();
            foreach (var phrase in phrases)
            {
                if (!map.TryGetValue(phrase, out var list)) map[phrase] = list = [];
                list.AddRange(phrases.Where(p => p != phrase && !list.Contains(p)));
            }
        }
        return map;
    }
}
