using System.Text;

namespace DocStrange.Bench.Submit;

/// <summary>The default document: a plain-text note of about 2 KB, the same bytes on every run.</summary>
internal static class SampleDocument
{
    public const string FileName = "bench-note.txt";
    public const int TargetBytes = 2048;

    public static UploadFile Create()
    {
        var text = new StringBuilder();
        text.Append("Quarterly maintenance note\n\n");
        for (var i = 1; text.Length < TargetBytes; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. Inspection item {i}: the pump housing, seals and valves were checked; ");
            text.Append("readings stayed within the limits in the handbook, and no part needed replacing.\n");
        }
        var ascii = text.ToString(0, TargetBytes - 1) + "\n";
        return new UploadFile(FileName, "text/plain", Encoding.ASCII.GetBytes(ascii));
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
