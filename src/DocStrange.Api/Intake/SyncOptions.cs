using System.ComponentModel.DataAnnotations;

namespace DocStrange.Api.Intake;

/// <summary>Limits of <c>POST /documents/sync</c> (configuration section <c>DocStrange:Sync</c>).</summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Sync";

    /// <summary>The largest file the route takes (default 1 MiB); larger files go through <c>POST /documents</c>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the route waits for the result when the request does not say (<c>wait</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DefaultWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>wait</c> a request may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);
}
