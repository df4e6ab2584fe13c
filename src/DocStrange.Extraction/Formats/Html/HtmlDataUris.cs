namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// The bytes of an <c>img</c> whose source is a base64 <c>data:image/…</c> URI. Any other source
/// (a remote or relative URL) gives none: nothing is ever fetched.
/// </summary>
internal static class HtmlDataUris
{
    /// <summary>The decoded bytes, or null when <paramref name="source"/> is not a base64 image data URI or does not decode.</summary>
    public static byte[]? Decode(string? source)
    {
        if (source is null || !source.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)) return null;
        var comma = source.IndexOf(',');
        if (comma < 0 || !source.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return Convert.FromBase64String(string.Concat(source.AsSpan(comma + 1).ToString().Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            // Undecodable base64 is a broken image, which the image check reports: give it bytes that fail there.
            return [];
        }
    }
}
