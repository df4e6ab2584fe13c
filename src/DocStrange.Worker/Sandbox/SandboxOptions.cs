using System.ComponentModel.DataAnnotations;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// How each conversion is fenced off from the worker process (configuration section
/// <c>DocStrange:Worker:Sandbox</c>): a child process per job with a memory and a CPU-time budget.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Worker:Sandbox";

    /// <summary>
    /// Convert in a child process. Unset: on wherever a child can be started (Linux, and a program to
    /// start: <see cref="Command"/> or the docstrange executable running <c>serve</c> / <c>worker</c>);
    /// <c>false</c>: in the worker's own process; <c>true</c>: a start without a child to run is an error.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The program started for each conversion, given <c>sandbox-convert REQUEST</c>; a <c>.dll</c> is run with
    /// the <c>dotnet</c> host. Unset: the docstrange executable of this process.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>
    /// The memory one conversion may use, in MiB: the resident memory of the child and the processes it
    /// starts (pdftoppm, LibreOffice); three quarters of it is the child's .NET heap limit.
    /// </summary>
    [Range(32, 1_048_576)]
    public int MemoryLimitMb { get; set; } = 2048;

    /// <summary>
    /// The CPU time one conversion may use, in seconds (all threads, and the processes it starts). OCR
    /// takes about 0.7 s a page, so the default holds about 850 scanned pages; born-digital pages take ~0.02 s.
    /// </summary>
    [Range(1, 604_800)]
    public int CpuSeconds { get; set; } = 600;

    /// <summary>
    /// Children started ahead of the next jobs, each waiting for one job: a job then does not wait for a
    /// runtime to start (0: each child is started when its job comes). Each waiting child holds about 45 MiB.
    /// </summary>
    [Range(0, 64)]
    public int WarmChildren { get; set; } = 1;

    /// <summary>The memory budget in bytes.</summary>
    public long MemoryLimitBytes => MemoryLimitMb * 1024L * 1024L;

    /// <summary>The child's .NET heap limit (<c>DOTNET_GCHeapHardLimit</c>): three quarters of the budget, the rest for the runtime and native code.</summary>
    public long HeapLimitBytes => MemoryLimitBytes / 4 * 3;
}
