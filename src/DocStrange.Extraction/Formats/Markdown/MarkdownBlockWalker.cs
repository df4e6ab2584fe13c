using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Html;
using DocStrange.Extraction.Layout;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Block = DocStrange.Document.Model.Block;
using MdTable = Markdig.Extensions.Tables.Table;

namespace DocStrange.Extraction.Formats.Markdown;

/// <summary>
/// Walks Markdig's syntax tree and emits blocks: a <c>#</c> heading is the title and <c>##</c>…
/// <c>######</c> are headings of level 1–5 (the convention the Markdown exporter writes back),
/// paragraphs, list items with their depth, code with its language, pipe tables; block quotes
/// give their paragraphs, HTML blocks are read as HTML, thematic breaks and front matter are dropped.
/// </summary>
internal sealed class MarkdownBlockWalker
{
    private static readonly Provenance FirstPage = new(1);
    private readonly List<Block> _blocks = [];

    public static IReadOnlyList<Block> Walk(MarkdownDocument document)
    {
        var walker = new MarkdownBlockWalker();
        walker.Container(document, 0);
        return walker._blocks;
    }

    private void Container(ContainerBlock container, int listDepth)
    {
        foreach (var block in container) Visit(block, listDepth);
    }

    private void Visit(Markdig.Syntax.Block block, int listDepth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Add(heading.Level <= 1 ? BlockRole.Title : BlockRole.Heading, MarkdownInlineText.Of(heading.Inline), Math.Max(0, heading.Level - 1));
                break;
            case ParagraphBlock paragraph:
                Add(BlockRole.Paragraph, MarkdownInlineText.Of(paragraph.Inline));
                break;
            case ListBlock list:
                List(list, listDepth);
                break;
            case YamlFrontMatterBlock:
                break;
            case CodeBlock code:
                Code(code);
                break;
            case HtmlBlock html:
                Html(html);
                break;
            case MdTable table when MarkdownTableReader.Read(table) is { } cells:
                _blocks.Add(new Block { Role = BlockRole.Table, Table = cells, Provenance = FirstPage });
                break;
            case ContainerBlock container:
                Container(container, listDepth);
                break;
        }
    }

    private void List(ListBlock list, int depth)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            // The item's leading paragraphs are its text; anything after them (code, nested lists) follows it.
            var leading = item.TakeWhile(b => b is ParagraphBlock).Cast<ParagraphBlock>().ToList();
            var text = string.Join(' ', leading.Select(p => MarkdownInlineText.Of(p.Inline)).Where(t => t.Length > 0));
            _blocks.Add(new Block { Role = BlockRole.ListItem, Text = text, Level = depth, Ordered = list.IsOrdered, Provenance = FirstPage });
            foreach (var rest in item.Skip(leading.Count)) Visit(rest, depth + 1);
        }
    }

    private void Code(CodeBlock code)
    {
        var language = code is FencedCodeBlock { Info: { Length: > 0 } info } ? info.Split(' ', 2)[0] : null;
        var text = TextCleanup.NormalizeKeepingLines(code.Lines.ToString());
        if (text.Length > 0) _blocks.Add(new Block { Role = BlockRole.Code, Text = text, Language = language, Provenance = FirstPage });
    }

    private void Html(HtmlBlock html)
    {
        if (html.Type == HtmlBlockType.Comment) return;
        using var document = HtmlParsing.Parse(html.Lines.ToString());
        if (document.Body is { } body) _blocks.AddRange(HtmlBlockWalker.Walk(body));
    }

    private void Add(BlockRole role, string text, int level = 0)
    {
        if (text.Length > 0) _blocks.Add(new Block { Role = role, Text = text, Level = level, Provenance = FirstPage });
    }
}
