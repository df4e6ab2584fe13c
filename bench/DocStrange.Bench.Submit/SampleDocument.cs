using System.Text;

namespace DocStrange.Bench.Submit;

/// <summary>The default document: a plain-text note (2 KB unless asked otherwise), the same bytes on every run but for a run tag and a serial number per submission.</summary>
internal static class SampleDocument
{
    public const string FileName = "bench-note.txt";
    public const int DefaultBytes = 2048;

    /// <summary>The note, cut to exactly <paramref name="bytes"/> bytes of ASCII ending in a newline.</summary>
    public static UploadFile Create(int bytes = DefaultBytes)
    {
        var text = new StringBuilder();
        text.Append("Quarterly maintenance note\n\n");
        for (var i = 1; text.Length < bytes; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. Inspection item {i}: the pump housing, seals and valves were checked; ");
            text.Append("readings stayed within the limits in the handbook, and no part needed replacing.\n");
        }
        var ascii = text.ToString(0, bytes - 1) + "\n";
        return new UploadFile(FileName, "text/plain", Encoding.ASCII.GetBytes(ascii), Varies: true);
    }

    /// <summary>A document from disk, typed by its extension.</summary>
    public static UploadFile FromPath(string path)
    {
        var contentType = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".txt" => "text/plain",
            ".md" => "text/markdown",
            ".pdf" => "application/pdf",
            ".html" or ".htm" => "text/html",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => "application/octet-stream",
        };
        return new UploadFile(Path.GetFileName(path), contentType, File.ReadAllBytes(path));
    }
}
