namespace DocStrange.Document.Export;

/// <summary>Small text shaping shared by the exporters.</summary>
internal static class PlainText
{
    /// <summary>Joins the non-blank lines of <paramref name="text"/>, trimmed, with single spaces.</summary>
    public static string OneLine(string text) => string.Join(' ',
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether a block of this role has something to write: a table with cells, a picture, or non-blank text.</summary>
    public static bool HasContent(Model.Block block) => block.Role switch
    {
        Model.BlockRole.Picture => true,
        Model.BlockRole.Table => block.Table is { RowCount: > 0, ColumnCount: > 0 },
        _ => !string.IsNullOrWhiteSpace(block.Text),
    };
}
