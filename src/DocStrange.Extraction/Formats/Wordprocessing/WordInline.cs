using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocumentFormat.OpenXml.Math;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// The inline content of a paragraph: runs with their bold / italic / code formatting (direct or from
/// a character style; hidden text skipped), hyperlinks (relationship targets, bookmarks, and
/// <c>HYPERLINK</c> fields), tabs and breaks, note references as <c>[n]</c>, inline equations as
/// LaTeX spans. Display equations, text boxes and pictures found on the way are collected in
/// <see cref="Anchored"/> (<see cref="WordDrawings"/>).
/// </summary>
internal sealed class WordInline(WordBodyWalker walker)
{
    private const int MaxDepth = 64;
    private int _depth;
    private string? _fieldInstruction;
    private string? _fieldHref;
    private int _otherText;
    private int _mathRuns;

    /// <summary>The paragraph's text as it is built.</summary>
    public InlineTextBuilder Text { get; } = new();

    /// <summary>Blocks anchored in the paragraph, in the order met.</summary>
    public List<Block> Anchored { get; } = [];

    /// <summary>Whether the paragraph's only content is one inline equation.</summary>
    public bool OnlyMath => _mathRuns == 1 && _otherText == 0;

    /// <summary>Reads the paragraph's children.</summary>
    public void Read(OpenXmlElement paragraph) => Children(paragraph, null);

    private void Children(OpenXmlElement parent, string? href)
    {
        // Wrappers (links, content controls) nested deeper than any real document are left out.
        if (_depth >= MaxDepth) return;
        _depth++;
        try
        {
            ChildrenAt(parent, href);
        }
        finally
        {
            _depth--;
        }
    }

    private void ChildrenAt(OpenXmlElement parent, string? href)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    Run(run, href);
                    break;
                case Hyperlink link:
                    var target = walker.Context.HyperlinkTarget(walker.Part, link.Id?.Value)
                        ?? (link.Anchor?.Value is { Length: > 0 } anchor ? "#" + anchor : null);
                    Children(link, target ?? href);
                    break;
                case SimpleField field:
                    Children(field, FieldHref(field.Instruction?.Value) ?? href);
                    break;
                case SdtRun sdt:
                    if (sdt.SdtContentRun is { } content) Children(content, href);
                    break;
                case InsertedRun or MoveToRun or CustomXmlRun or Paragraph:
                case var wrapper when wrapper.LocalName == "smartTag":
                    Children(child, href);
                    break;
                case M.Paragraph display:
                    AddDisplayMath(display);
                    break;
                case M.OfficeMath math:
                    AddMath(math);
                    break;
                case AlternateContent alternate:
                    Alternate(alternate, element => Children(element, href));
                    break;
            }
        }
    }

    private void Run(Run run, string? href)
    {
        var properties = run.RunProperties;
        if (properties?.Vanish is { } vanish && (vanish.Val?.Value ?? true)) return;
        var style = Style(properties);
        href ??= _fieldHref;
        foreach (var child in run.ChildElements) RunChild(child, style, href);
    }

    private void RunChild(OpenXmlElement child, InlineStyle style, string? href)
    {
        switch (child)
        {
            case WText text:
                Append(text.Text, style, href);
                break;
            case TabChar or PositionalTab:
                Append(" ", InlineStyle.None, null);
                break;
            case Break br:
                if (br.Type?.Value == BreakValues.Page || br.Type?.Value == BreakValues.Column) Append(" ", InlineStyle.None, null);
                else Text.AppendBreak();
                break;
            case CarriageReturn:
                Text.AppendBreak();
                break;
            case NoBreakHyphen:
                Append("-", style, href);
                break;
            case SymbolChar symbol:
                if (Symbol(symbol.Char?.Value) is { } ch) Append(ch, style, href);
                break;
            case FootnoteReference footnote when footnote.Id?.Value is { } id:
                Append($"[{walker.Context.NoteNumber(id, endnote: false)}]", InlineStyle.None, null);
                break;
            case EndnoteReference endnote when endnote.Id?.Value is { } id:
                Append($"[{walker.Context.NoteNumber(id, endnote: true)}]", InlineStyle.None, null);
                break;
            case FieldChar fieldChar:
                Field(fieldChar);
                break;
            case FieldCode code:
                _fieldInstruction = (_fieldInstruction ?? "") + code.Text;
                break;
            case Drawing or Picture or EmbeddedObject:
                Anchored.AddRange(WordDrawings.Read(child, walker));
                break;
            case AlternateContent alternate:
                Alternate(alternate, element =>
                {
                    foreach (var inner in element.ChildElements) RunChild(inner, style, href);
                });
                break;
        }
    }

    private void Field(FieldChar fieldChar)
    {
        var type = fieldChar.FieldCharType?.Value;
        if (type == FieldCharValues.Begin) _fieldInstruction = "";
        else if (type == FieldCharValues.Separate) _fieldHref = FieldHref(_fieldInstruction);
        else if (type == FieldCharValues.End)
        {
            _fieldHref = null;
            _fieldInstruction = null;
        }
    }

    // HYPERLINK "url" or HYPERLINK \l "bookmark".
    private static string? FieldHref(string? instruction)
    {
        if (instruction is null) return null;
        var trimmed = instruction.Trim();
        if (!trimmed.StartsWith("HYPERLINK", StringComparison.OrdinalIgnoreCase)) return null;
        var first = trimmed.IndexOf('"');
        var last = first >= 0 ? trimmed.IndexOf('"', first + 1) : -1;
        if (first < 0 || last <= first) return null;
        var target = trimmed[(first + 1)..last];
        return trimmed.Contains("\\l", StringComparison.Ordinal) ? "#" + target : target;
    }

    private InlineStyle Style(RunProperties? properties)
    {
        var character = walker.Context.Styles.CharacterFormat(properties?.RunStyle?.Val?.Value);
        var bold = properties?.Bold is { } b ? b.Val?.Value ?? true : character.Bold;
        var italic = properties?.Italic is { } i ? i.Val?.Value ?? true : character.Italic;
        var code = character.Code || WordStyles.IsMonospace(properties?.RunFonts);
        var struck = properties?.Strike is { } s ? s.Val?.Value ?? true : properties?.DoubleStrike is { } d && (d.Val?.Value ?? true);
        var raised = properties?.VerticalTextAlignment?.Val?.Value;
        return (bold ? InlineStyle.Bold : 0) | (italic ? InlineStyle.Italic : 0) | (code ? InlineStyle.Code : 0) |
            (struck ? InlineStyle.Strikethrough : 0) |
            (raised == VerticalPositionValues.Superscript ? InlineStyle.Superscript : 0) | (raised == VerticalPositionValues.Subscript ? InlineStyle.Subscript : 0);
    }

    private void Append(string text, InlineStyle style, string? href)
    {
        if (!string.IsNullOrWhiteSpace(text)) _otherText++;
        Text.Append(text, style, href);
    }

    private void AddMath(M.OfficeMath math)
    {
        var latex = OmmlLatex.Convert(math);
        if (latex.Length == 0) return;
        _mathRuns++;
        Text.Append(" ", InlineStyle.None, null);
        Text.Append(latex, InlineStyle.Math, null);
        Text.Append(" ", InlineStyle.None, null);
    }

    private void AddDisplayMath(M.Paragraph display)
    {
        var latex = OmmlLatex.Convert(display);
        if (latex.Length > 0) Anchored.Add(new Block { Role = BlockRole.Formula, Text = latex, Provenance = WordContext.Page });
    }

    private static void Alternate(AlternateContent alternate, Action<OpenXmlElement> read)
    {
        if (alternate.GetFirstChild<AlternateContentChoice>() is { } choice) read(choice);
        else if (alternate.GetFirstChild<AlternateContentFallback>() is { } fallback) read(fallback);
    }

    // w:sym gives a hexadecimal code; one in a symbol font's private-use range (F0xx) has no meaning as text.
    private static string? Symbol(string? hex)
    {
        if (hex is null || !int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code)) return null;
        return code is >= 0x20 and < 0xD800 and not 0x7F ? ((char)code).ToString() : null;
    }
}
