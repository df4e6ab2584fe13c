using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>The frame of the standalone HTML page: doctype, head with charset, title and a small stylesheet, and the body's end.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; }
        pre { background: #f6f8fa; padding: 0.75rem; overflow: auto; }
        figure[data-placeholder] { border: 1px dashed #d0d7de; min-height: 3rem; margin: 1rem 0; }
        .caption, figcaption { font-style: italic; color: #59636e; }
        .footnote { font-size: 0.875em; color: #59636e; }
        .page-header, .page-footer { font-size: 0.8em; color: #59636e; }
        """;

    /// <summary>Writes everything up to and including the opening <c>&lt;body&gt;</c>.</summary>
    public static void WriteStart(DocumentModel document, TextWriter writer)
    {
        var title = string.IsNullOrWhiteSpace(document.Metadata.Title) ? document.Metadata.FileName : document.Metadata.Title;
        writer.Write("<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>{HtmlText.Encode(title)}</title>\n");
        writer.Write($"<style>\n{Style.ReplaceLineEndings("\n")}\n</style>\n");
        writer.Write("</head>\n<body>\n");
    }

    /// <summary>Writes the closing tags of body and page.</summary>
    public static void WriteEnd(TextWriter writer) => writer.Write("</body>\n</html>\n");
}
