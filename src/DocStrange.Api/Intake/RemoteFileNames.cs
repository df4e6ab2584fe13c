using System.Net.Http.Headers;
using DocStrange.Document.Files;

namespace DocStrange.Api.Intake;

/// <summary>
/// The file name of a downloaded document, as metadata only: from <c>Content-Disposition</c>, else the
/// URL's last path segment; reduced to one segment without control characters. When the name does
/// not say a known type, the response's media type adds the extension (the content is sniffed anyway).
/// </summary>
internal static class RemoteFileNames
{
    private static readonly Dictionary<string, string> ExtensionByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf",
        ["text/html"] = ".html",
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/csv"] = ".csv",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/tiff"] = ".tiff",
        ["image/gif"] = ".gif",
        ["image/bmp"] = ".bmp",
        ["image/webp"] = ".webp",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ".pptx",
        ["application/vnd.ms-excel"] = ".xls",
    };

    /// <summary>The name to record for a download of <paramref name="url"/>.</summary>
    public static string Of(ContentDispositionHeaderValue? disposition, Uri url, string? mediaType)
    {
        var raw = Unquote(disposition?.FileNameStar) ?? Unquote(disposition?.FileName);
        if (string.IsNullOrWhiteSpace(raw)) raw = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/').Last());
        var name = Sanitize(raw);
        if (name.Length == 0) name = "download";
        if (FileKinds.FromFileName(name) == FileKind.Unknown && mediaType is not null && ExtensionByMediaType.TryGetValue(mediaType, out var extension))
        {
            name += extension;
        }
        return name.Length <= 255 ? name : name[^255..];
    }

    private static string? Unquote(string? value) => value?.Trim('"');

    private static string Sanitize(string raw)
    {
        var name = raw.Replace('\\', '/').Split('/').Last();
        return new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
    }
}
