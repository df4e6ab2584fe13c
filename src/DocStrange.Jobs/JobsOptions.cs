using System.ComponentModel.DataAnnotations;

namespace DocStrange.Jobs;

/// <summary>Limits and policies of the job system (configuration section <c>DocStrange:Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Jobs";

    /// <summary>The largest upload accepted, in bytes (default 100 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Retries after the first attempt for transient errors.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay (later ones double, up to <see cref="RetryMaxDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delete a job's uploaded file as soon as the job is final (its results are kept).</summary>
    public bool DeleteInputWhenFinal { get; set; } = true;

    /// <summary>How long a completed job's result serves identical new requests (the result cache); zero turns the cache off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResultCacheTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long results are kept after a job completes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a job's record (status, events, webhook deliveries) is kept after the job ended; its files
    /// go after <see cref="ResultRetention"/>, the record once both periods are over. Usage per day and
    /// month is read from these records, so this is longer than a month.
    /// </summary>
    [Range(typeof(TimeSpan), "32.00:00:00", "3650.00:00:00")]
    public TimeSpan RecordRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The longest a long-poll (<c>?wait=N</c>) may wait.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most jobs of one owner (an API key, an anonymous caller's address) processing at once in a
    /// pool; the workers skip that owner's other jobs until one ends, even when a slot is free. Unset:
    /// one less than the pool's live worker slots, at least 1, so one owner never holds every slot of a
    /// pool with more than one. 0: no cap. Whatever the cap, the next job goes to the owner with the
    /// fewest jobs processing, then to the owner served least recently.
    /// </summary>
    [Range(0, 100_000)]
    public int? MaxRunningPerOwner { get; set; }

    /// <summary>The most pages a job may convert, counted on those its <c>pages</c> selects; 0 for no limit.</summary>
    [Range(0, int.MaxValue)]
    public int MaxPages { get; set; } = 2000;

    /// <summary>With <c>images=embedded</c> or <c>files</c>: the most images one job keeps; later pictures stay placeholders, with a warning.</summary>
    [Range(0, 100_000)]
    public int MaxImages { get; set; } = 500;

    /// <summary>With <c>images=embedded</c> or <c>files</c>: the most image bytes one job keeps, all images together.</summary>
    [Range(0, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 100L * 1024 * 1024;
}
