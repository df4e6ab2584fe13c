namespace DocStrange.Api.Contracts;

/// <summary>Where to go next for a job.</summary>
public sealed record JobLinks(string Self, string Result, string Download, string Cancel)
{
    /// <summary>The links of a job.</summary>
    public static JobLinks For(string jobId) => new(
        $"/api/v1/jobs/{jobId}", $"/api/v1/jobs/{jobId}/result", $"/api/v1/jobs/{jobId}/download", $"/api/v1/jobs/{jobId}");
}
