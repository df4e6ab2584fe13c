using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>One region of a page in reading order: a block of text, a table or a picture (exactly one is set).</summary>
public sealed record PageRegion(BoundingBox Box)
{
    /// <summary>The text block, for a text region.</summary>
    public LayoutBlock? Text { get; init; }

    /// <summary>The table, for a table region.</summary>
    public TableRegion? Table { get; init; }

    /// <summary>The picture, for a picture region.</summary>
    public PictureRegion? Picture { get; init; }

    /// <summary>A text region.</summary>
    public static PageRegion Of(LayoutBlock block) => new(block.Box) { Text = block };

    /// <summary>A table region.</summary>
    public static PageRegion Of(TableRegion table) => new(table.Box) { Table = table };

    /// <summary>A picture region.</summary>
    public static PageRegion Of(PictureRegion picture) => new(picture.Box) { Picture = picture };
}

/// <summary>A page after layout analysis: its number and size, and its regions in reading order.</summary>
public sealed record PageLayout(int Number, double Width, double Height, IReadOnlyList<PageRegion> Regions)
{
    /// <summary>Whether the full analysis lost or doubled a word and the page was laid out the safe way (<see cref="Pages.PageWordCheck"/>).</summary>
    public bool FellBack { get; init; }
}
