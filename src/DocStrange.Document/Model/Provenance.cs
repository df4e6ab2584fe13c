namespace DocStrange.Document.Model;

/// <summary>Where a block came from: its 1-based page (slide, sheet) and, when the format has geometry, its box.</summary>
public sealed record Provenance(int Page, BoundingBox? Box = null);
