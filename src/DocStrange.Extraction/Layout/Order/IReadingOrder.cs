using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Order;

/// <summary>Puts a page's regions (blocks, tables, pictures) in the order a reader meets them.</summary>
public interface IReadingOrder
{
    /// <summary>
    /// The items in reading order; <paramref name="rightToLeft"/> for pages whose columns run right to
    /// left; <paramref name="sequence"/>, when given, is the items' order in the source (0 when unknown),
    /// which settles what the geometry leaves open; <paramref name="bodySize"/> is the page's body font
    /// size (0 when unknown). <paramref name="cancellationToken"/> stops the work (the page's time budget).
    /// </summary>
    IReadOnlyList<T> Order<T>(IReadOnlyList<T> items, Func<T, BoundingBox> box, bool rightToLeft = false, Func<T, int>? sequence = null,
        CancellationToken cancellationToken = default, double bodySize = 0);
}
