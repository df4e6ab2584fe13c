using DocStrange.Document.Model;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// What the walkers of one Word document share: its styles, numbering, the part whose relationships
/// resolve links and images, the blocks produced so far, and the footnote and endnote numbers in the
/// order their references appear.
/// </summary>
internal sealed class WordContext(MainDocumentPart main, WordStyles styles, WordNumbering numbering, CancellationToken cancellationToken)
{
    /// <summary>Whether pictures keep their image parts' bytes.</summary>
    public bool WithImages { get; init; }

    public static readonly Provenance Page = new(1);

    public MainDocumentPart Main { get; } = main;

    public WordStyles Styles { get; } = styles;

    public WordNumbering Numbering { get; } = numbering;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The footnote ids referenced so far, with the number each is shown as.</summary>
    public List<(long Id, int Number)> Footnotes { get; } = [];

    /// <summary>The endnote ids referenced so far, with the number each is shown as.</summary>
    public List<(long Id, int Number)> Endnotes { get; } = [];

    /// <summary>The number shown for a footnote (or endnote) reference, given on first sight.</summary>
    public int NoteNumber(long id, bool endnote)
    {
        var list = endnote ? Endnotes : Footnotes;
        foreach (var (known, number) in list)
        {
            if (known == id) return number;
        }
        list.Add((id, list.Count + 1));
        return list.Count;
    }

    /// <summary>The target of a hyperlink relationship of the part being read, or null.</summary>
    public string? HyperlinkTarget(OpenXmlPart part, string? relationshipId)
    {
        if (relationshipId is null) return null;
        foreach (var rel in part.HyperlinkRelationships)
        {
            if (rel.Id == relationshipId) return rel.Uri.OriginalString;
        }
        return null;
    }
}
