namespace DocStrange.Jobs.Model;

/// <summary>How far a job has got (SPEC §3 stages: queued, downloading, parsing, ocr, layout, exporting, uploading).</summary>
public sealed record JobProgress(string Stage, int PagesDone = 0, int? PagesTotal = null)
{
    /// <summary>The progress of a job that has not started.</summary>
    public static JobProgress Queued { get; } = new("queued");

    /// <summary>Percent done, 0–100; stages without page counts report by stage.</summary>
    public int Percent(JobState state) => state switch
    {
        JobState.Completed => 100,
        JobState.Pending => 0,
        _ when Stage == Queued.Stage => 0,
        _ when PagesTotal is > 0 => Math.Clamp(5 + 85 * PagesDone / PagesTotal.Value, 5, 95),
        _ => Stage switch { "downloading" => 2, "exporting" => 90, "uploading" => 95, _ => 5 },
    };
}
