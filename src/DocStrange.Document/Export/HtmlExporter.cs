using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// A standalone HTML5 page (UTF-8, title from the document's title or file name, a small stylesheet).
/// Title and headings are <c>h1</c>-<c>h6</c> at the levels Markdown uses (title h1, heading level L at
/// h(L + 1)); paragraphs <c>p</c>; list items nested <c>ul</c>/<c>ol</c>; tables with <c>thead</c> and
/// real spans; code <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c>; a formula
/// <c>&lt;div class="formula"&gt;</c> holding its text; a picture
/// <c>&lt;figure data-placeholder="image"&gt;</c> (with <see cref="ExportOptions.Images"/> embedded or files and
/// pixels to show, a <c>&lt;figure&gt;</c> holding an <c>&lt;img&gt;</c> of the data URI or image file) with the caption that follows it as its
/// <c>figcaption</c>; other captions <c>&lt;p class="caption"&gt;</c>; footnotes
/// <c>&lt;aside class="footnote"&gt;</c>; page headers and footers (only with
/// <see cref="ExportOptions.IncludePageFurniture"/>) <c>&lt;div class="page-header"&gt;</c> /
/// <c>page-footer</c>. Each block element carries <c>data-page</c> when its page is known, and all
/// text is HTML-encoded; with <see cref="ExportOptions.PageBreaks"/> each page's first block is preceded by
/// <c>&lt;hr class="page-break" data-page="N"&gt;</c>; text with inline spans gets its emphasis, code, links and maths (<see cref="HtmlInline"/>).
/// </summary>
public sealed class HtmlExporter : IDocumentExporter
{
    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Html;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        HtmlPage.WriteStart(document, writer);
        var blocks = BlockFilter.Visible(document, options);
        var lists = new HtmlListWriter();
        var pages = new PageMarker(options.PageBreaks);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!PlainText.HasContent(block)) continue;
            if (pages.Opens(block) is { } page)
            {
                lists.Close(writer);
                writer.Write($"<hr class=\"page-break\" data-page=\"{page}\">\n");
            }
            if (block.Role == BlockRole.ListItem)
            {
                lists.WriteItem(block, writer);
                continue;
            }
            lists.Close(writer);
            if (block.Role == BlockRole.Picture)
            {
                var caption = i + 1 < blocks.Count && blocks[i + 1].Role == BlockRole.Caption && PlainText.HasContent(blocks[i + 1]) ? blocks[++i] : null;
                WriteFigure(block, caption, PictureLinks.Of(block, options.Images), writer);
            }
            else
            {
                WriteBlock(block, writer);
            }
        }
        lists.Close(writer);
        HtmlPage.WriteEnd(writer);
    }

    private static void WriteBlock(Block block, TextWriter writer)
    {
        var page = HtmlText.PageAttribute(block);
        switch (block.Role)
        {
            case BlockRole.Title or BlockRole.Heading:
                var h = $"h{HeadingLevels.Of(block)}";
                writer.Write($"<{h}{page}>{HtmlText.Encode(PlainText.OneLine(block.Text))}</{h}>\n");
                break;
            case BlockRole.Table:
                HtmlTableWriter.Write(block.Table!, page, writer);
                break;
            case BlockRole.Code:
                var language = string.IsNullOrWhiteSpace(block.Language) ? "" : $" class=\"language-{HtmlText.Encode(PlainText.OneLine(block.Language).Replace(' ', '-'))}\"";
                writer.Write($"<pre{page}><code{language}>{HtmlText.Encode(block.Text.ReplaceLineEndings("\n").TrimEnd('\n'))}</code></pre>\n");
                break;
            case BlockRole.Formula:
                writer.Write($"<div class=\"formula\"{page}>{HtmlText.Encode(PlainText.OneLine(block.Text))}</div>\n");
                break;
            case BlockRole.Caption:
                writer.Write($"<p class=\"caption\"{page}>{HtmlInline.Write(block)}</p>\n");
                break;
            case BlockRole.Footnote:
                writer.Write($"<aside class=\"footnote\"{page}>{HtmlInline.Write(block)}</aside>\n");
                break;
            case BlockRole.PageHeader or BlockRole.PageFooter:
                var kind = block.Role == BlockRole.PageHeader ? "page-header" : "page-footer";
                writer.Write($"<div class=\"{kind}\"{page}>{HtmlInline.Write(block)}</div>\n");
                break;
            default:
                writer.Write($"<p{page}>{HtmlInline.Write(block)}</p>\n");
                break;
        }
    }

    // A picture without pixels to show keeps the placeholder figure.
    private static void WriteFigure(Block picture, Block? caption, string? link, TextWriter writer)
    {
        if (link is null || picture.Image is not { } image)
        {
            writer.Write($"<figure data-placeholder=\"image\"{HtmlText.PageAttribute(picture)}>");
        }
        else
        {
            var alt = HtmlText.Encode(PlainText.OneLine(caption?.Text ?? picture.Text));
            writer.Write($"<figure{HtmlText.PageAttribute(picture)}><img src=\"{HtmlText.Encode(link)}\" alt=\"{alt}\" width=\"{image.Width}\" height=\"{image.Height}\">");
        }
        if (caption is not null) writer.Write($"<figcaption>{HtmlInline.Write(caption)}</figcaption>");
        writer.Write("</figure>\n");
    }
}
