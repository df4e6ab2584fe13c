using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// Walks block-level Word content (a body, a text box, a cell, a header, a note) in document order:
/// paragraphs (<see cref="WordParagraph"/>), tables (<see cref="WordTables"/>), and the wrappers that
/// only hold them (content controls, custom XML, tracked insertions; deletions are skipped). Text boxes
/// and pictures anchored in a paragraph follow that paragraph's own text. Consecutive code paragraphs
/// become one code block. Content nested deeper than <see cref="MaxDepth"/> is left out.
/// </summary>
internal sealed class WordBodyWalker(WordContext context, OpenXmlPart part, int depth = 0)
{
    /// <summary>How deep tables and text boxes may nest before their content is left out (a crafted file cannot exhaust the stack).</summary>
    public const int MaxDepth = 32;

    private readonly List<Block> _blocks = [];

    public WordContext Context { get; } = context;

    /// <summary>The part whose relationships resolve this content's links and images.</summary>
    public OpenXmlPart Part { get; } = part;

    /// <summary>The blocks of <paramref name="container"/>'s children.</summary>
    public List<Block> Walk(OpenXmlElement container)
    {
        Children(container);
        return _blocks;
    }

    /// <summary>The blocks of some content walked with this walker's part and context, for a nested container.</summary>
    public List<Block> Nested(OpenXmlElement container) => depth >= MaxDepth ? [] : new WordBodyWalker(Context, Part, depth + 1).Walk(container);

    private void Children(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
            switch (child)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case WordTable table:
                    if (WordTables.Read(table, this) is { } grid) _blocks.Add(new Block { Role = BlockRole.Table, Table = grid, Provenance = WordContext.Page });
                    break;
                case SdtBlock sdt:
                    if (sdt.SdtContentBlock is { } content) Children(content);
                    break;
                case CustomXmlBlock or InsertedRun or MoveToRun:
                    Children(child);
                    break;
                case AlternateContent alternate:
                    if (alternate.GetFirstChild<AlternateContentChoice>() is { } choice) Children(choice);
                    else if (alternate.GetFirstChild<AlternateContentFallback>() is { } fallback) Children(fallback);
                    break;
            }
        }
    }

    private void Paragraph(Paragraph paragraph)
    {
        foreach (var block in WordParagraph.Read(paragraph, this)) Add(block);
    }

    private void Add(Block block)
    {
        if (block.Role == BlockRole.Code && _blocks.Count > 0 && _blocks[^1].Role == BlockRole.Code)
        {
            _blocks[^1] = _blocks[^1] with { Text = _blocks[^1].Text + "\n" + block.Text };
            return;
        }
        _blocks.Add(block);
    }
}
