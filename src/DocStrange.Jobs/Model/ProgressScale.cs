using System.Collections.Frozen;

namespace DocStrange.Jobs.Model;

/// <summary>
/// One percent scale across a conversion's stages, in the order it goes through them: each stage has a
/// band, and its pages done move the percent across the band. So a scanned PDF, parsed page by page and
/// then recognised page by page, goes on from where parsing ended instead of starting the scale again.
/// </summary>
public static class ProgressScale
{
    private static readonly (string Stage, int Start, int End)[] Scale =
    [
        ("queued", 0, 0),
        ("downloading", 2, 2),
        ("parsing", 5, 60),
        ("ocr", 60, 85),
        ("layout", 85, 90),
        ("extracting", 90, 90),
        ("exporting", 90, 90),
        ("uploading", 95, 95),
    ];

    private static readonly FrozenDictionary<string, (int Start, int End)> Bands = Scale.ToFrozenDictionary(s => s.Stage, s => (s.Start, s.End));

    /// <summary>The stage a final job shows.</summary>
    public const string Done = "done";

    /// <summary>Every stage a job shows, in order, <see cref="Done"/> last.</summary>
    public static IReadOnlyList<string> Stages { get; } = [.. Scale.Select(s => s.Stage), Done];

    /// <summary>The percent of a stage with <paramref name="pagesDone"/> of <paramref name="pagesTotal"/> pages (the band's start when the total is unknown).</summary>
    public static int Of(string stage, int pagesDone, int? pagesTotal)
    {
        var (start, end) = Bands.GetValueOrDefault(stage, (5, 5));
        if (pagesTotal is not > 0) return start;
        return start + (end - start) * Math.Clamp(pagesDone, 0, pagesTotal.Value) / pagesTotal.Value;
    }
}
