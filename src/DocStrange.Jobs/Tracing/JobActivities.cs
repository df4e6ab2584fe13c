using System.Diagnostics;

namespace DocStrange.Jobs.Tracing;

/// <summary>The spans of the job core: a job put on the queue, in the process that submits it.</summary>
public static class JobActivities
{
    /// <summary>The activity source of the job core.</summary>
    public static readonly ActivitySource Source = new("DocStrange.Jobs");

    /// <summary>Tag names shared by the spans of every process that works on a job.</summary>
    public const string JobIdTag = "docstrange.job.id";

    /// <summary>The pool a job is queued in.</summary>
    public const string PoolTag = "docstrange.job.pool";

    /// <summary>A producer span around a submission; null when nothing listens.</summary>
    public static Activity? StartEnqueue(string jobId, string pool)
    {
        var activity = Source.StartActivity("job.enqueue", ActivityKind.Producer);
        activity?.SetTag(JobIdTag, jobId).SetTag(PoolTag, pool);
        return activity;
    }
}
