using System.ComponentModel.DataAnnotations;
using DocStrange.Jobs.Model;

namespace DocStrange.Worker;

/// <summary>How a worker process runs jobs (configuration section <c>DocStrange:Worker</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Worker";

    /// <summary>The pool this worker serves (<c>cpu</c> or <c>gpu</c>).</summary>
    [Required, RegularExpression("^(cpu|gpu)$")]
    public string Pool { get; set; } = Pools.Cpu;

    /// <summary>Jobs run at once by this process.</summary>
    [Range(1, 256)]
    public int Slots { get; set; } = 1;

    /// <summary>Stop cleanly after this many jobs, for a supervisor to start a fresh process (0: never).</summary>
    [Range(0, int.MaxValue)]
    public int MaxJobs { get; set; }

    /// <summary>A port to serve Prometheus metrics on at <c>/metrics</c>, for a worker process without the API (unset: none).</summary>
    [Range(1, 65535)]
    public int? MetricsPort { get; set; }

    /// <summary>How long a claim holds a job without a heartbeat; heartbeats come every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle slot looks for work when no signal comes (signals usually come first).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often progress is written while a job runs (SPEC §3: at most every second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The time one page of a born-digital PDF may take from parse to layout; a slower page is skipped with a warning.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The soft limit of one attempt: the conversion is asked to stop (at its next page) and the attempt ends with <c>WORKER_TIMEOUT</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SoftTimeout { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>The hard limit: a conversion that ignores the soft limit is abandoned (its slot freed, its result never used) and the attempt ends with <c>WORKER_TIMEOUT</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan HardTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>On shutdown (SIGTERM), how long running jobs may finish before they are given back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired results are swept from storage.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long this process's leadership of maintenance (lease rescue, retention) lasts unless renewed;
    /// the leader renews it every third of this, and when it stops, another worker takes over after at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "01:00:00")]
    public TimeSpan LeadershipDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired leases are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RescueInterval { get; set; } = TimeSpan.FromSeconds(15);
}
