using System.ComponentModel.DataAnnotations;

namespace DocStrange.Api.Intake;

/// <summary>Limits of <c>POST /documents/batch</c> (configuration section <c>DocStrange:Batch</c>).</summary>
public sealed class BatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Batch";

    /// <summary>The most files one batch may carry; each may be as large as a single upload.</summary>
    [Range(1, 1000)]
    public int MaxFiles { get; set; } = 20;
}
