using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// The parts around the body: footnotes and endnotes (as footnote blocks "[n] text", in the order
/// their references appear, numbered as the references are), and page headers and footers (one block
/// per distinct header or footer text; the Markdown export leaves them out, JSON keeps them).
/// </summary>
internal static class WordNotes
{
    /// <summary>The referenced footnotes, then the referenced endnotes.</summary>
    public static IEnumerable<Block> Notes(WordContext context)
    {
        var footnotes = context.Main.FootnotesPart;
        var endnotes = context.Main.EndnotesPart;
        // Reading a note may reference further notes; walk until the list stops growing.
        for (var i = 0; footnotes?.Footnotes is { } all && i < context.Footnotes.Count; i++)
        {
            var (id, number) = context.Footnotes[i];
            if (all.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id) is { } note && Note(note, number, footnotes, context) is { } block) yield return block;
        }
        for (var i = 0; endnotes?.Endnotes is { } all && i < context.Endnotes.Count; i++)
        {
            var (id, number) = context.Endnotes[i];
            if (all.Elements<Endnote>().FirstOrDefault(f => f.Id?.Value == id) is { } note && Note(note, number, endnotes, context) is { } block) yield return block;
        }
    }

    /// <summary>The distinct page headers, then the distinct page footers.</summary>
    public static (List<Block> Headers, List<Block> Footers) Furniture(WordContext context)
    {
        var headers = Distinct(context.Main.HeaderParts.Select(p => ((OpenXmlElement?)p.Header, (OpenXmlPart)p)), BlockRole.PageHeader, context);
        var footers = Distinct(context.Main.FooterParts.Select(p => ((OpenXmlElement?)p.Footer, (OpenXmlPart)p)), BlockRole.PageFooter, context);
        return (headers, footers);
    }

    private static Block? Note(OpenXmlElement note, int number, OpenXmlPart part, WordContext context)
    {
        var text = Text(new WordBodyWalker(context, part).Walk(note));
        return text.Length == 0 ? null : new Block { Role = BlockRole.Footnote, Text = $"[{number}] {text}", Provenance = WordContext.Page };
    }

    private static List<Block> Distinct(IEnumerable<(OpenXmlElement? Root, OpenXmlPart Part)> parts, BlockRole role, WordContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<Block>();
        foreach (var (root, part) in parts)
        {
            if (root is null) continue;
            var text = Text(new WordBodyWalker(context, part).Walk(root));
            if (text.Length > 0 && seen.Add(text)) blocks.Add(new Block { Role = role, Text = text, Provenance = WordContext.Page });
        }
        return blocks;
    }

    private static string Text(IEnumerable<Block> blocks) => string.Join('\n', blocks
        .Select(b => b.Table is { } t ? string.Join(' ', t.Cells.Select(c => c.Text).Where(x => x.Length > 0)) : b.Text)
        .Where(t => t.Length > 0));
}
