using DocStrange.Document.Model;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// One Word paragraph as blocks. Its role comes from its style and numbering: the "Title" style is
/// the title; a "heading N" style or an outline level is a heading (with its number, when the heading
/// is numbered); a numbered paragraph is a list item at its numbering level (plain decimal lists are
/// ordered, bullets unordered, and any other label such as "1.1." or "a)" is kept in the text); a
/// caption style is a caption and a code style code. A paragraph that holds only an equation is a
/// formula. Display equations, text boxes and pictures anchored in the paragraph follow it.
/// </summary>
internal static class WordParagraph
{
    public static IEnumerable<Block> Read(Paragraph paragraph, WordBodyWalker walker)
    {
        var context = walker.Context;
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var styles = context.Styles;
        var heading = properties?.OutlineLevel?.Val?.Value is { } outline && outline is >= 0 and <= 8 ? outline + 1 : styles.HeadingLevel(styleId);
        var numbered = Numbering(properties, styles, styleId);
        var item = numbered is { } n ? context.Numbering.Next(n.NumId, n.Level) : null;

        var inline = new WordInline(walker);
        if (item is { Bullet: false } && (heading > 0 || !item.SimpleDecimal) && item.Label.Length > 0) inline.Text.Append(item.Label + " ");
        inline.Read(paragraph);
        var (text, spans) = inline.Text.Build();
        var hasText = text.Length > 0 && !(item is not null && text == item.Label);

        var blocks = new List<Block>();
        if (hasText)
        {
            blocks.Add(Classify(text, spans, styles, styleId, heading, item, numbered?.Level ?? 0, inline.OnlyMath));
        }
        blocks.AddRange(inline.Anchored);
        return blocks;
    }

    private static Block Classify(string text, IReadOnlyList<InlineSpan>? spans, WordStyles styles, string? styleId, int heading,
        WordNumbering.Item? item, int level, bool onlyMath)
    {
        if (onlyMath && spans is [{ Style: InlineStyle.Math } math] && math.Start == 0 && math.Length == text.Length)
        {
            return new Block { Role = BlockRole.Formula, Text = text, Provenance = WordContext.Page };
        }
        if (styles.IsTitle(styleId)) return Plain(BlockRole.Title, text);
        if (heading > 0) return Plain(BlockRole.Heading, text) with { Level = heading };
        if (styles.IsCode(styleId)) return Plain(BlockRole.Code, text);
        if (item is not null)
        {
            return new Block { Role = BlockRole.ListItem, Text = text, Spans = spans, Level = level, Ordered = item.SimpleDecimal,
                Number = item.SimpleDecimal ? item.Number : null, Provenance = WordContext.Page };
        }
        var role = styles.IsCaption(styleId) ? BlockRole.Caption : BlockRole.Paragraph;
        return new Block { Role = role, Text = text, Spans = spans, Provenance = WordContext.Page };
    }

    private static Block Plain(BlockRole role, string text) =>
        new() { Role = role, Text = role == BlockRole.Code ? text : text.Replace('\n', ' '), Provenance = WordContext.Page };

    private static (int NumId, int Level)? Numbering(ParagraphProperties? properties, WordStyles styles, string? styleId)
    {
        if (properties?.NumberingProperties is { } numPr)
        {
            var numId = numPr.NumberingId?.Val?.Value;
            var level = numPr.NumberingLevelReference?.Val?.Value;
            var fromStyle = styles.Numbering(styleId);
            numId ??= fromStyle?.NumId;
            if (numId is null or 0) return null;
            return (numId.Value, level ?? fromStyle?.Level ?? 0);
        }
        return styles.Numbering(styleId) is { NumId: not 0 } style ? style : null;
    }
}
