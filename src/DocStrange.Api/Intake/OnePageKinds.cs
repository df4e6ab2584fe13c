using System.Collections.Frozen;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Api.Intake;

/// <summary>
/// Text, Markdown, HTML, CSV and Word documents are read as one page, so a page selection without page 1
/// selects nothing of them. That is known when the file arrives: refused then, naming the field, rather
/// than accepting a job that can only fail.
/// </summary>
internal static class OnePageKinds
{
    private static readonly FrozenSet<FileKind> Kinds = new[] { FileKind.Text, FileKind.Markdown, FileKind.Html, FileKind.Csv, FileKind.Docx }.ToFrozenSet();

    public static void Check(JobOptions options, FileKind kind)
    {
        if (!Kinds.Contains(kind) || string.IsNullOrEmpty(options.Pages) || PageSelection.Parse(options.Pages).Contains(1)) return;
        var type = FileKinds.NameOf(kind);
        throw new DocStrangeException(ErrorCode.InvalidRequest,
            $"'pages' ({options.Pages}) selects none of the document's 1 page: {type.ToUpperInvariant()} files are read as one page.",
            new Dictionary<string, object?> { ["field"] = "pages", ["page_count"] = 1, ["file_type"] = type });
    }
}
