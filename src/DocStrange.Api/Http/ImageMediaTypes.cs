namespace DocStrange.Api.Http;

/// <summary>The media type of a result's image file, told by the extension of its name (<c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>).</summary>
internal static class ImageMediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.Ordinal)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".tiff"] = "image/tiff",
        [".webp"] = "image/webp",
    };

    /// <summary>Every media type an image file may have.</summary>
    public static IEnumerable<string> All => ByExtension.Values;

    /// <summary>The media type of the image file <paramref name="name"/>.</summary>
    public static string Of(string name) => ByExtension.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
}
