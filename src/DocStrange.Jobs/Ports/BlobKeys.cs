using DocStrange.Document.Export;

namespace DocStrange.Jobs.Ports;

/// <summary>The one naming scheme of stored files: everything of a job lives under its id, never under a caller's file name.</summary>
public static class BlobKeys
{
    /// <summary>The uploaded file.</summary>
    public static string Input(string jobId) => $"jobs/{jobId}/input";

    /// <summary>One exported result.</summary>
    public static string Result(string jobId, OutputFormat format) => $"jobs/{jobId}/result.{OutputFormats.ExtensionOf(format)}";

    /// <summary>The output of one format for one page alone, served by <c>?page=N</c>.</summary>
    public static string Page(string jobId, OutputFormat format, int page) =>
        $"jobs/{jobId}/pages/{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{OutputFormats.ExtensionOf(format)}";

    /// <summary>One image file of a result with <c>images=files</c>; <paramref name="name"/> is <c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>.</summary>
    public static string Image(string jobId, string name) => $"jobs/{jobId}/images/{name}";

    /// <summary>Everything stored for a job.</summary>
    public static string JobPrefix(string jobId) => $"jobs/{jobId}/";
}
