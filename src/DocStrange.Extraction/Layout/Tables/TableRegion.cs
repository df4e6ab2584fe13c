using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>A table found on a page: its cells, where it sits, and the words it took from the page's text.</summary>
public sealed record TableRegion(Table Table, BoundingBox Box, IReadOnlyList<LayoutWord> Words);
