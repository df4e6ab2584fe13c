namespace DocStrange.Extraction.Layout.Blocks;

/// <summary>Groups a page's lines into blocks (paragraphs, headings, list items, captions).</summary>
public interface IBlockBuilder
{
    /// <summary>The blocks the lines make; every line is in exactly one block, and a block's lines run top to bottom.</summary>
    IReadOnlyList<LayoutBlock> Build(IReadOnlyList<LayoutLine> lines);
}
