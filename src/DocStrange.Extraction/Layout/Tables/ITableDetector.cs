namespace DocStrange.Extraction.Layout.Tables;

/// <summary>Finds tables on a page.</summary>
public interface ITableDetector
{
    /// <summary>The tables among the page's lines (those not yet taken by another region); a word belongs to at most one table.</summary>
    IReadOnlyList<TableRegion> Detect(PageContent page, IReadOnlyList<LayoutLine> lines);
}
