using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The outline level (1-6) a title or heading is written at: the title is level 1 and a heading of
/// model level L is level L + 1, capped at 6 (the corpus ground truth writes the title as <c>#</c> and
/// top-level section headings as <c>##</c>).
/// </summary>
internal static class HeadingLevels
{
    /// <summary>The output level of a title or heading block.</summary>
    public static int Of(Block block) =>
        block.Role == BlockRole.Title ? 1 : Math.Clamp(Math.Max(1, block.Level) + 1, 2, 6);
}
