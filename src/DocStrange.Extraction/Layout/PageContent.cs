using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout;

/// <summary>
/// What layout analysis needs of one page, whatever the source: its number and size (points), its
/// words, the straight rulings drawn on it and the boxes of its pictures. Boxes use a top-left
/// origin in the frame the text reads upright in. A PDF text layer fills it; so can OCR of a page
/// image, with no rulings.
/// </summary>
public sealed record PageContent(int Number, double Width, double Height, IReadOnlyList<LayoutWord> Words)
{
    /// <summary>Horizontal and vertical strokes: table rules, cell borders, rectangle edges.</summary>
    public IReadOnlyList<Ruling> Rulings { get; init; } = [];

    /// <summary>Where raster images sit.</summary>
    public IReadOnlyList<BoundingBox> Pictures { get; init; } = [];

    /// <summary>The boxes of curved and slanted drawn marks, of which vector figures are made (<see cref="Regions.VectorFigures"/>).</summary>
    public IReadOnlyList<BoundingBox> Drawings { get; init; } = [];
}
