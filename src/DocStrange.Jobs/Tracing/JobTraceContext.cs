using System.Diagnostics;

namespace DocStrange.Jobs.Tracing;

/// <summary>
/// The W3C trace context (<c>traceparent</c>) a job carries from the request that made it to every
/// process that works on it, so the request, the conversion and the webhook are one trace.
/// </summary>
public static class JobTraceContext
{
    /// <summary>The current activity's <c>traceparent</c>, or null when there is none.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>
    /// Starts an activity that continues the trace of <paramref name="traceParent"/>. When nothing listens
    /// to <paramref name="source"/> (tracing off) it is a bare activity, exported nowhere, that still gives
    /// the log lines written under it the trace id of the request.
    /// </summary>
    public static Activity Continue(ActivitySource source, string name, ActivityKind kind, string? traceParent, DateTimeOffset startTime = default)
    {
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);
        if (source.StartActivity(name, kind, parent, startTime: startTime) is { } listened) return listened;
        var bare = new Activity(name);
        if (parent != default) bare.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        if (startTime != default) bare.SetStartTime(startTime.UtcDateTime);
        return bare.Start();
    }
}
