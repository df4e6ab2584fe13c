using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// What a paragraph or character style means for the model, resolved along its <c>basedOn</c> chain:
/// a heading level (from a "heading N" name or an outline level), the title, a caption, code (a
/// preformatted or code style, or a monospaced font), list numbering inherited from the style, and the
/// bold / italic a character style turns on.
/// </summary>
internal sealed class WordStyles
{
    private static readonly string[] MonospaceFonts = ["courier", "consolas", "lucida console", "menlo", "monaco", "source code", "inconsolata", "fira code", "fira mono", "dejavu sans mono", "liberation mono", "jetbrains mono", "cascadia"];

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;

    public WordStyles(MainDocumentPart main)
    {
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is null) return;
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is { } id) _styles.TryAdd(id, style);
            if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true) _defaultParagraphStyle = style.StyleId?.Value;
        }
    }

    /// <summary>The style's name in lower case ("heading 1"), or the id when it has no name.</summary>
    public string NameOf(string? styleId)
    {
        styleId ??= _defaultParagraphStyle;
        if (styleId is null) return "";
        return _styles.TryGetValue(styleId, out var style) ? (style.StyleName?.Val?.Value ?? styleId).ToLowerInvariant() : styleId.ToLowerInvariant();
    }

    /// <summary>The heading level (1 = top) a paragraph style gives, or 0.</summary>
    public int HeadingLevel(string? styleId)
    {
        foreach (var style in Chain(styleId))
        {
            var name = (style.StyleName?.Val?.Value ?? "").ToLowerInvariant();
            if (name.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(name["heading ".Length..], out var level) && level is >= 1 and <= 9) return level;
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline is >= 0 and <= 8) return outline + 1;
        }
        return 0;
    }

    /// <summary>Whether the paragraph style is the document title.</summary>
    public bool IsTitle(string? styleId) => Chain(styleId).Any(s => (s.StyleName?.Val?.Value ?? "").Equals("title", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the paragraph style is a caption.</summary>
    public bool IsCaption(string? styleId) => Chain(styleId).Any(s => (s.StyleName?.Val?.Value ?? "").Equals("caption", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the style is meant for code (a name with "code" or "preformatted", or a monospaced font).</summary>
    public bool IsCode(string? styleId)
    {
        foreach (var style in Chain(styleId))
        {
            var name = (style.StyleName?.Val?.Value ?? "").ToLowerInvariant();
            if (name.Contains("code") || name.Contains("preformatted") || name == "macro text") return true;
            if (IsMonospace(style.StyleRunProperties?.RunFonts)) return true;
        }
        return false;
    }

    /// <summary>The numbering a paragraph style carries (numId, level), if any.</summary>
    public (int NumId, int Level)? Numbering(string? styleId)
    {
        foreach (var style in Chain(styleId))
        {
            if (style.StyleParagraphProperties?.NumberingProperties is { } numPr && numPr.NumberingId?.Val?.Value is { } numId)
            {
                return (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
            }
        }
        return null;
    }

    /// <summary>The numbering properties of a style by id (for numbering definitions that link to a style).</summary>
    public int? NumberingIdOfStyle(string styleId) =>
        _styles.TryGetValue(styleId, out var style) ? style.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value : null;

    /// <summary>Bold and italic turned on by a character style.</summary>
    public (bool Bold, bool Italic, bool Code) CharacterFormat(string? styleId)
    {
        bool? bold = null, italic = null;
        var code = false;
        foreach (var style in Chain(styleId))
        {
            var rPr = style.StyleRunProperties;
            bold ??= rPr?.Bold is { } b ? b.Val?.Value ?? true : null;
            italic ??= rPr?.Italic is { } i ? i.Val?.Value ?? true : null;
            var name = (style.StyleName?.Val?.Value ?? "").ToLowerInvariant();
            code |= name.Contains("code") || name.Contains("verbatim") || IsMonospace(rPr?.RunFonts);
        }
        return (bold ?? false, italic ?? false, code);
    }

    /// <summary>Whether the fonts name a monospaced family.</summary>
    public static bool IsMonospace(RunFonts? fonts)
    {
        var name = fonts?.Ascii?.Value ?? fonts?.HighAnsi?.Value;
        if (name is null) return false;
        name = name.ToLowerInvariant();
        return MonospaceFonts.Any(name.Contains) || name.EndsWith(" mono", StringComparison.Ordinal);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        styleId ??= _defaultParagraphStyle;
        for (var depth = 0; styleId is not null && depth < 20 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }
}
