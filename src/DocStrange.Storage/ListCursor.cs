using System.Buffers.Text;
using System.Text;
using DocStrange.Document.Errors;

namespace DocStrange.Storage;

/// <summary>The opaque cursor of the job list: the creation time and id of the last job on the page.</summary>
internal readonly record struct ListCursor(long CreatedAt, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt}:{Id}"));

    public static ListCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':');
            if (colon > 0 && long.TryParse(text[..colon], out var at)) return new ListCursor(at, text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            // Reported below as the caller's mistake.
        }
        throw new DocStrangeException(ErrorCode.InvalidRequest, "'cursor' is not a cursor this service returned.",
            new Dictionary<string, object?> { ["field"] = "cursor" });
    }
}
