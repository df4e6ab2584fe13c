using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;

namespace DocStrange.Extraction.Formats.PowerPoint;

/// <summary>
/// A text frame's paragraphs as blocks. A title placeholder gives one heading; otherwise a paragraph
/// with a bullet character is an unordered list item and one with automatic numbering an ordered one,
/// at its indent level; a paragraph with neither is a list item only in a body placeholder, whose
/// master style bullets its paragraphs unless the paragraph says <c>buNone</c>. Runs keep bold, italic
/// and hyperlinks; line breaks within a paragraph are kept.
/// </summary>
internal static class SlideText
{
    public static IEnumerable<Block> Read(OpenXmlElement? textBody, string? placeholder, OpenXmlPart part, Provenance provenance)
    {
        if (textBody is null) yield break;
        var paragraphs = textBody.Elements<A.Paragraph>().ToList();
        if (placeholder is "title" or "ctrTitle")
        {
            var title = string.Join(' ', paragraphs.Select(p => Inline(p, part).Text).Where(t => t.Length > 0));
            if (title.Length > 0) yield return new Block { Role = BlockRole.Heading, Level = 1, Text = title.Replace('\n', ' '), Provenance = provenance };
            yield break;
        }
        var bulletedByDefault = placeholder is "body" or "obj";
        foreach (var paragraph in paragraphs)
        {
            var (text, spans) = Inline(paragraph, part);
            if (text.Length == 0) continue;
            var properties = paragraph.ParagraphProperties;
            var level = properties?.Level?.Value ?? 0;
            var numbered = properties?.GetFirstChild<A.AutoNumberedBullet>() is not null;
            var bullet = properties?.GetFirstChild<A.CharacterBullet>() is not null || properties?.GetFirstChild<A.PictureBullet>() is not null;
            var none = properties?.GetFirstChild<A.NoBullet>() is not null;
            var listItem = numbered || bullet || bulletedByDefault && !none;
            yield return listItem
                ? new Block { Role = BlockRole.ListItem, Text = text, Spans = spans, Level = level, Ordered = numbered, Provenance = provenance }
                : new Block { Role = BlockRole.Paragraph, Text = text, Spans = spans, Provenance = provenance };
        }
    }

    /// <summary>A paragraph's text with its bold, italic and link spans.</summary>
    public static (string Text, IReadOnlyList<InlineSpan>? Spans) Inline(A.Paragraph paragraph, OpenXmlPart part)
    {
        var builder = new InlineTextBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case A.Run run:
                    builder.Append(run.Text?.Text ?? "", Style(run.RunProperties), Link(run.RunProperties, part));
                    break;
                case A.Field field:
                    builder.Append(field.Text?.Text ?? "", Style(field.RunProperties), null);
                    break;
                case A.Break:
                    builder.AppendBreak();
                    break;
            }
        }
        return builder.Build();
    }

    private static InlineStyle Style(A.RunProperties? properties) =>
        (properties?.Bold?.Value == true ? InlineStyle.Bold : 0) | (properties?.Italic?.Value == true ? InlineStyle.Italic : 0) |
        (properties?.Strike?.Value is { } strike && strike != A.TextStrikeValues.NoStrike ? InlineStyle.Strikethrough : 0) |
        // The baseline offset in thousandths of a percent of the font size: raised above, lowered below.
        (properties?.Baseline?.Value is > 0 ? InlineStyle.Superscript : 0) | (properties?.Baseline?.Value is < 0 ? InlineStyle.Subscript : 0);

    private static string? Link(A.RunProperties? properties, OpenXmlPart part)
    {
        if (properties?.GetFirstChild<A.HyperlinkOnClick>()?.Id?.Value is not { Length: > 0 } id) return null;
        return part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString;
    }
}
