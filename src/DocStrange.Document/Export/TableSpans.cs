namespace DocStrange.Document.Export;

/// <summary>How the Markdown output writes a cell that spans several rows or columns (GFM tables have no spans).</summary>
public enum TableSpans
{
    /// <summary>Its text once, at the first position it covers; the others are empty. Every word is written once.</summary>
    Once,

    /// <summary>Its text at every position it covers, so each row and column reads whole (as docling writes them).</summary>
    Repeat,
}
