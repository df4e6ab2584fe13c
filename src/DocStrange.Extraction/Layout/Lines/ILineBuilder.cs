namespace DocStrange.Extraction.Layout.Lines;

/// <summary>Groups a page's words into lines.</summary>
public interface ILineBuilder
{
    /// <summary>The lines the words make, top to bottom; every word is in exactly one line.</summary>
    IReadOnlyList<LayoutLine> Build(IReadOnlyList<LayoutWord> words);
}
