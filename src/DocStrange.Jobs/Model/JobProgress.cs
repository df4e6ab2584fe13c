namespace DocStrange.Jobs.Model;

/// <summary>
/// How far a job has got (SPEC §3 stages: queued, downloading, parsing, ocr, layout, exporting, uploading).
/// <paramref name="Reached"/> is the highest percent the attempt has shown: progress only moves forward,
/// even when a later stage starts its pages again (<see cref="Then"/>).
/// </summary>
public sealed record JobProgress(string Stage, int PagesDone = 0, int? PagesTotal = null, int? Reached = null)
{
    /// <summary>The progress of a job that has not started.</summary>
    public static JobProgress Queued { get; } = new("queued");

    /// <summary>Percent done, 0–100, on one scale across the stages (<see cref="ProgressScale"/>).</summary>
    public int Percent(JobState state) => state switch
    {
        JobState.Completed => 100,
        JobState.Pending => 0,
        _ when Stage == Queued.Stage => 0,
        _ => Reached ?? ProgressScale.Of(Stage, PagesDone, PagesTotal),
    };

    /// <summary>The progress after this one: the new stage and pages, at a percent no lower than this one's.</summary>
    public JobProgress Then(string stage, int pagesDone, int? pagesTotal) =>
        new(stage, pagesDone, pagesTotal, Math.Max(Reached ?? ProgressScale.Of(Stage, PagesDone, PagesTotal), ProgressScale.Of(stage, pagesDone, pagesTotal)));
}
