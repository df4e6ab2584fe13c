namespace DocStrange.Document.Model;

/// <summary>
/// One unit of content in reading order. Text is plain (no markup); exporters add the markup for
/// <see cref="Role"/>. A table block carries its cells in <see cref="Table"/> and an empty text.
/// </summary>
public sealed record Block
{
    /// <summary>What the block is.</summary>
    public required BlockRole Role { get; init; }

    /// <summary>The block's text, whitespace-normalised within lines; line breaks kept for code.</summary>
    public string Text { get; init; } = "";

    /// <summary>Heading level (1 = top) for headings; nesting depth (0 = top) for list items; 0 otherwise.</summary>
    public int Level { get; init; }

    /// <summary>For list items: whether the list is numbered.</summary>
    public bool Ordered { get; init; }

    /// <summary>
    /// For items of a numbered list: the item's number as the document gives it, so a list that restarts at 1
    /// or continues an earlier one (3, 4, ...) keeps its numbers; null when the format does not say, and
    /// exporters count 1, 2, ... within each run of items.
    /// </summary>
    public int? Number { get; init; }

    /// <summary>For code blocks: the language when known.</summary>
    public string? Language { get; init; }

    /// <summary>The cells when <see cref="Role"/> is <see cref="BlockRole.Table"/>.</summary>
    public Table? Table { get; init; }

    /// <summary>Recognition confidence in [0, 1] for OCR'd text; null for text read from the file.</summary>
    public double? Confidence { get; init; }

    /// <summary>For OCR'd text: the recognised words, in reading order, with their boxes and confidences; null otherwise.</summary>
    public IReadOnlyList<Word>? Words { get; init; }

    /// <summary>
    /// Optional inline formatting of <see cref="Text"/> (bold, italic, code, links, inline maths) for readers of
    /// formats that have it; null or empty means plain text. Exporters that cannot show it use the text alone.
    /// </summary>
    public IReadOnlyList<InlineSpan>? Spans { get; init; }

    /// <summary>For pictures, when images were asked for and the file has them: the picture's pixels; null otherwise.</summary>
    public PictureImage? Image { get; init; }

    /// <summary>Where the block came from.</summary>
    public Provenance? Provenance { get; init; }
}
