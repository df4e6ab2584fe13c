using DocStrange.Document.Export;

namespace DocStrange.Cli.Commands;

/// <summary>
/// Where a result goes in an output folder: <c>DIR/&lt;input file name&gt;.&lt;ext&gt;</c> (<c>report.pdf</c> becomes
/// <c>report.pdf.md</c>). One rule for <c>convert</c>, <c>submit</c> and <c>result</c>, so their outputs can be compared file by file.
/// </summary>
internal static class ResultFiles
{
    public static string PathIn(string directory, string inputName, OutputFormat format) =>
        Path.Combine(directory, $"{Path.GetFileName(inputName)}.{OutputFormats.ExtensionOf(format)}");
}
