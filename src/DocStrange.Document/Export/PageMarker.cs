using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Tells the text-like exporters where a new page starts, for <see cref="ExportOptions.PageBreaks"/>: a block
/// opens a page when its page differs from that of the last block that had one. Blocks without a page stay
/// on the page before them, and a page without written blocks gets no marker.
/// </summary>
internal sealed class PageMarker(bool enabled)
{
    private int? current;

    /// <summary>The page number to mark before <paramref name="block"/>, or null when it continues the current page or marking is off.</summary>
    public int? Opens(Block block)
    {
        if (!enabled || block.Provenance is not { } provenance || provenance.Page == current) return null;
        current = provenance.Page;
        return provenance.Page;
    }
}
