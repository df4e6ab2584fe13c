using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// Walks the visible DOM in document order and emits blocks: <c>h1</c> is the title and
/// <c>h2</c>–<c>h6</c> headings of level 1–5 (so Markdown's <c>#</c>…<c>######</c> come back as they
/// were), paragraphs, list items with their nesting depth, tables, <c>pre</c> as code, figures as
/// pictures with captions, and the page's own <c>header</c> and <c>footer</c> (not those of an article or
/// section) as page furniture. Text that sits directly in a container between blocks becomes a paragraph,
/// and paragraphs, list items and captions keep their inline spans (<see cref="HtmlInlineText"/>).
/// </summary>
internal sealed class HtmlBlockWalker
{
    private static readonly Provenance FirstPage = new(1);
    private readonly List<Block> _blocks = [];
    private readonly InlineTextBuilder _inline = new();
    private readonly Dictionary<IElement, bool> _hasBlockInside = new(ReferenceEqualityComparer.Instance);

    private bool _withImages;

    /// <summary>The blocks of <paramref name="root"/>; with <paramref name="withImages"/>, figures whose image is a data URI keep its bytes.</summary>
    public static IReadOnlyList<Block> Walk(IElement root, bool withImages = false)
    {
        var walker = new HtmlBlockWalker { _withImages = withImages };
        walker.Container(root);
        walker.FlushInline();
        return walker._blocks;
    }

    private void Container(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    _inline.Append(text.Data.ReplaceLineEndings(" "));
                    break;
                case IElement element when HtmlVisibility.IsHidden(element):
                    break;
                case IElement { LocalName: "br" or "hr" }:
                    _inline.Append(" ");
                    break;
                case IElement element when HtmlTags.IsBlock(element.LocalName) || HasBlockInside(element):
                    FlushInline();
                    Element(element);
                    FlushInline();
                    break;
                case IElement element:
                    HtmlInlineText.Append(element, _inline, style: HtmlInlineText.StyleOf(element), href: HtmlInlineText.HrefOf(element));
                    break;
            }
        }
    }

    private void Element(IElement element)
    {
        var rank = HtmlTags.HeadingRank(element.LocalName);
        if (rank > 0)
        {
            Add(rank == 1 ? BlockRole.Title : BlockRole.Heading, HtmlInlineText.Of(element), rank - 1);
            return;
        }
        switch (element)
        {
            case { LocalName: "header" or "footer" } when IsPageLevel(element):
                var role = element.LocalName == "header" ? BlockRole.PageHeader : BlockRole.PageFooter;
                Add(role, HtmlInlineText.Of(element));
                break;
            case IHtmlTableElement table:
                Table(table);
                break;
            case { LocalName: "ul" or "ol" or "menu" }:
                List(element, 0);
                break;
            case { LocalName: "li" }:
                ListItem(element, 0, ordered: false);
                break;
            case { LocalName: "pre" }:
                Add(new Block { Role = BlockRole.Code, Text = TextCleanup.NormalizeKeepingLines(element.TextContent), Language = CodeLanguage(element), Provenance = FirstPage });
                break;
            case { LocalName: "figure" }:
                Figure(element);
                break;
            case { LocalName: "figcaption" or "caption" } when !HasBlockInside(element):
                AddInline(BlockRole.Caption, element);
                break;
            case { LocalName: "p" or "dt" or "dd" or "summary" or "legend" or "address" } when !HasBlockInside(element):
                AddInline(BlockRole.Paragraph, element);
                break;
            default:
                Container(element);
                break;
        }
    }

    private void List(IElement list, int depth)
    {
        var ordered = list.LocalName == "ol";
        foreach (var item in list.Children)
        {
            if (HtmlVisibility.IsHidden(item)) continue;
            if (item.LocalName == "li") ListItem(item, depth, ordered);
            else if (HtmlTags.IsList(item.LocalName)) List(item, depth + 1);
        }
    }

    private void ListItem(IElement item, int depth, bool ordered)
    {
        var (text, spans) = HtmlInlineText.Build(item, skipLists: true);
        Add(new Block { Role = BlockRole.ListItem, Text = text, Spans = spans, Level = depth, Ordered = ordered, Provenance = FirstPage });
        foreach (var nested in NestedLists(item)) List(nested, depth + 1);
    }

    // The lists inside an item that are not inside a deeper list.
    private static IEnumerable<IElement> NestedLists(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (HtmlVisibility.IsHidden(child)) continue;
            if (HtmlTags.IsList(child.LocalName)) yield return child;
            else foreach (var nested in NestedLists(child)) yield return nested;
        }
    }

    private void Table(IHtmlTableElement element)
    {
        if (HtmlTableReader.Caption(element) is { } caption) Add(BlockRole.Caption, caption);
        if (HtmlTableReader.Read(element) is { } table)
        {
            _blocks.Add(new Block { Role = BlockRole.Table, Table = table, Provenance = FirstPage });
        }
    }

    private void Figure(IElement figure)
    {
        var image = figure.QuerySelector("img");
        if (image is not null && !HtmlVisibility.IsHidden(image))
        {
            var bytes = _withImages ? HtmlDataUris.Decode(image.GetAttribute("src")) : null;
            _blocks.Add(new Block
            {
                Role = BlockRole.Picture,
                Text = TextCleanup.Normalize(image.GetAttribute("alt") ?? ""),
                Image = bytes is null ? null : new PictureImage { Bytes = bytes },
                Provenance = FirstPage,
            });
        }
        Container(figure);
    }

    private static string? CodeLanguage(IElement pre)
    {
        var classes = (pre.ClassName ?? "") + " " + (pre.QuerySelector("code")?.ClassName ?? "");
        foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (name.StartsWith("language-", StringComparison.Ordinal)) return name["language-".Length..];
            if (name.StartsWith("lang-", StringComparison.Ordinal)) return name["lang-".Length..];
        }
        return null;
    }

    // Asked again at every level of nested inline elements, so each element's answer is kept: one pass over the page.
    private bool HasBlockInside(IElement element)
    {
        if (_hasBlockInside.TryGetValue(element, out var known)) return known;
        var result = element.Children.Any(c => HtmlTags.IsBlock(c.LocalName) || HasBlockInside(c));
        _hasBlockInside[element] = result;
        return result;
    }

    private void FlushInline()
    {
        var (text, spans) = _inline.Build();
        _inline.Clear();
        Add(new Block { Role = BlockRole.Paragraph, Text = text, Spans = spans, Provenance = FirstPage });
    }

    private void AddInline(BlockRole role, IElement element)
    {
        var (text, spans) = HtmlInlineText.Build(element);
        Add(new Block { Role = role, Text = text, Spans = spans, Provenance = FirstPage });
    }

    // A header or footer of the page itself, not of an article or section inside it (HTML's sectioning content).
    private static bool IsPageLevel(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "main" or "article" or "section" or "aside" or "nav" or "blockquote" or "details" or "dialog" or "fieldset" or "figure" or "td") return false;
        }
        return true;
    }

    private void Add(BlockRole role, string text, int level = 0) =>
        Add(new Block { Role = role, Text = text, Level = level, Provenance = FirstPage });

    private void Add(Block block)
    {
        if (block.Text.Length > 0) _blocks.Add(block);
    }
}
