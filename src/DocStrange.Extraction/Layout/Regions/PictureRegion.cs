using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Regions;

/// <summary>A picture on a page: where it sits, and the words drawn on it as labels (kept with the picture, not the text flow).</summary>
public sealed record PictureRegion(BoundingBox Box, IReadOnlyList<LayoutWord> Words);
