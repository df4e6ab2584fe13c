using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Order;

/// <summary>Puts a page's regions (blocks, tables, pictures) in the order a reader meets them.</summary>
public interface IReadingOrder
{
    /// <summary>The items in reading order; <paramref name="rightToLeft"/> for pages whose columns run right to left.</summary>
    IReadOnlyList<T> Order<T>(IReadOnlyList<T> items, Func<T, BoundingBox> box, bool rightToLeft = false);
}
