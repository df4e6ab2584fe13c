using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// GitHub-flavoured Markdown. The title is <c>#</c> and a heading of level L is L + 1 hashes, capped at
/// six (level 1 is <c>##</c>, as in the corpus ground truth). Blocks are separated by a blank line,
/// except consecutive list items, which form one list: <c>- </c> or <c>1. </c> (numbered 1, 2, ... per
/// list, or from the items' own numbers when the reader knows them), nested by level under their parent's
/// marker (2 spaces below <c>- </c>, 3 below <c>1. </c>); a list that restarts right after another of its
/// kind is kept apart by an empty comment (<c>&lt;!-- --&gt;</c>), as CommonMark would join them otherwise.
/// Tables are pipe tables with spanned text repeated (<see cref="MarkdownTableWriter"/>), code is fenced (longer fence when the
/// text holds one), a formula is <c>$$ text $$</c>, a picture is <c>&lt;!-- image --&gt;</c> (with
/// <see cref="ExportOptions.Images"/> embedded or files and pixels to show, <c>![caption](data:…)</c> or
/// <c>![caption](images/&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;)</c>; nothing for none), captions
/// and footnotes are paragraphs, text with inline spans gets its emphasis, code, links and maths
/// (<see cref="MarkdownInline"/>), page headers and footers only with
/// <see cref="ExportOptions.IncludePageFurniture"/>. With <see cref="ExportOptions.PageBreaks"/> each page's
/// first block is preceded by the paragraph <c>&lt;!-- page N --&gt;</c>. Text is escaped by <see cref="MarkdownEscaper"/>.
/// The output ends with one newline; a document with nothing to write gives an empty string.
/// </summary>
public sealed class MarkdownExporter : IDocumentExporter
{
    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Markdown;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var lists = new ListTracker();
        var wrote = false;
        var previousWasListItem = false;
        var pages = new PageMarker(options.PageBreaks);
        var blocks = BlockFilter.Visible(document, options);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!PlainText.HasContent(block)) continue;
            if (pages.Opens(block) is { } page)
            {
                if (wrote) writer.Write("\n\n");
                writer.Write($"<!-- page {page} -->");
                wrote = true;
                previousWasListItem = false;
            }
            var isListItem = block.Role == BlockRole.ListItem;
            if (!isListItem) lists.Reset();
            if (wrote) writer.Write(isListItem && previousWasListItem ? "\n" : "\n\n");
            if (block.Role == BlockRole.Picture) WritePicture(blocks, i, writer, options);
            else WriteBlock(block, lists, writer, options);
            wrote = true;
            previousWasListItem = isListItem;
        }
        if (wrote) writer.Write('\n');
    }

    private static void WriteBlock(Block block, ListTracker lists, TextWriter writer, ExportOptions options)
    {
        switch (block.Role)
        {
            case BlockRole.Title or BlockRole.Heading:
                writer.Write(new string('#', HeadingLevels.Of(block)));
                writer.Write(' ');
                writer.Write(MarkdownEscaper.EscapeHeading(block.Text));
                break;
            case BlockRole.ListItem:
                var step = lists.Next(block);
                if (step.Split) writer.Write($"\n{new string(' ', step.Indent)}<!-- -->\n\n");
                writer.Write(new string(' ', step.Indent));
                writer.Write(ListTracker.Marker(block.Ordered, step.Number));
                writer.Write(block.Spans is { Count: > 0 } itemSpans
                    ? MarkdownInline.Write(block.Text, itemSpans)
                    : MarkdownEscaper.EscapeLine(PlainText.OneLine(block.Text)));
                break;
            case BlockRole.Table:
                MarkdownTableWriter.Write(block.Table!, writer, options.TableSpans);
                break;
            case BlockRole.Code:
                WriteCode(block, writer);
                break;
            case BlockRole.Formula:
                writer.Write("$$ ");
                writer.Write(PlainText.OneLine(block.Text));
                writer.Write(" $$");
                break;
            default:
                writer.Write(block.Spans is { Count: > 0 } spans
                    ? MarkdownInline.Write(block.Text, spans)
                    : MarkdownEscaper.EscapeParagraph(block.Text));
                break;
        }
    }

    // Without pixels to link, a picture stays the placeholder it has always been.
    private static void WritePicture(IReadOnlyList<Block> blocks, int index, TextWriter writer, ExportOptions options)
    {
        if (PictureLinks.Of(blocks[index], options.Images) is not { } link)
        {
            writer.Write("<!-- image -->");
            return;
        }
        writer.Write("![");
        writer.Write(AltText(PictureLinks.Caption(blocks, index)));
        writer.Write("](");
        writer.Write(link);
        writer.Write(')');
    }

    // Inline escaping, plus every bracket, which would end the alt text or open a link inside it.
    private static string AltText(string caption)
    {
        var escaped = MarkdownEscaper.EscapeInline(caption);
        var sb = new System.Text.StringBuilder(escaped.Length + 4);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] is '[' or ']' && (i == 0 || escaped[i - 1] != '\\')) sb.Append('\\');
            sb.Append(escaped[i]);
        }
        return sb.ToString();
    }

    private static void WriteCode(Block block, TextWriter writer)
    {
        var text = block.Text.ReplaceLineEndings("\n").TrimEnd('\n');
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        var language = block.Language?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Replace("`", "");
        writer.Write(fence);
        writer.Write(language);
        writer.Write('\n');
        writer.Write(text);
        writer.Write('\n');
        writer.Write(fence);
    }

    private static int LongestRun(string text, char ch)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == ch ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
