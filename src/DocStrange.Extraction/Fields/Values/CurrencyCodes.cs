namespace DocStrange.Extraction.Fields.Values;

/// <summary>The currency symbols and ISO 4217 codes an amount may carry.</summary>
internal static class CurrencyCodes
{
    private static readonly Dictionary<string, string> BySymbol = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR", ["CHF"] = "CHF", ["Fr."] = "CHF",
        ["kr"] = "SEK", ["zł"] = "PLN", ["R$"] = "BRL", ["C$"] = "CAD", ["A$"] = "AUD",
    };

    /// <summary>The codes recognised as written, e.g. <c>EUR 12.00</c>.</summary>
    public static readonly string[] Codes = ["USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "INR", "SEK", "NOK", "DKK", "PLN", "CZK", "CNY", "BRL", "MXN", "NZD", "SGD", "HKD", "ZAR"];

    /// <summary>The ISO code of a symbol or code; null when unknown.</summary>
    public static string? CodeOf(string symbol)
    {
        var trimmed = symbol.Trim();
        if (BySymbol.TryGetValue(trimmed, out var code)) return code;
        return Codes.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
