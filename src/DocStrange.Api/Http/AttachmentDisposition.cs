using System.Globalization;
using System.Text;

namespace DocStrange.Api.Http;

/// <summary>
/// <c>Content-Disposition: attachment</c> for a name the client chose (RFC 6266): only its last path
/// segment, no control characters, an ASCII <c>filename</c> with anything risky replaced for old
/// clients, and the exact name in <c>filename*</c> (UTF-8, percent-encoded).
/// </summary>
internal static class AttachmentDisposition
{
    private const string Fallback = "download";

    /// <summary>The header value for downloading as <paramref name="fileName"/>.</summary>
    public static string For(string fileName)
    {
        var name = SafeName(fileName);
        return $"attachment; filename=\"{AsciiName(name)}\"; filename*=UTF-8''{Encode(name)}";
    }

    /// <summary>The last path segment without control or format characters, trimmed of dots and spaces at either end; never empty.</summary>
    internal static string SafeName(string fileName)
    {
        var segment = fileName.Replace('\\', '/').Split('/').Last();
        // Format characters (right-to-left override) could disguise the name's extension.
        var clean = new string([.. segment.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)]);
        clean = clean.Trim().Trim('.').Trim();
        return clean.Length == 0 ? Fallback : clean;
    }

    // A quoted-string of printable ASCII without the two characters that end or escape it.
    private static string AsciiName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name) builder.Append(c is >= ' ' and < (char)0x7F and not '"' and not '\\' and not '%' ? c : '_');
        return builder.ToString();
    }

    // RFC 8187 attr-char stays; every other byte of the UTF-8 form is %XX.
    private static string Encode(string name)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
