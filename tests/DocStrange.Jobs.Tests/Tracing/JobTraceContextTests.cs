using System.Diagnostics;
using DocStrange.Jobs.Tracing;

namespace DocStrange.Jobs.Tests.Tracing;

public sealed class JobTraceContextTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void The_current_context_is_the_current_activitys_traceparent()
    {
        Assert.Null(JobTraceContext.Current());
        using var activity = new Activity("request").Start();

        Assert.Equal(activity.Id, JobTraceContext.Current());
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]$", JobTraceContext.Current());
    }

    [Fact]
    public void Without_a_listener_the_continued_activity_still_has_the_jobs_trace_and_parent()
    {
        using var source = new ActivitySource("DocStrange.Test." + Guid.NewGuid().ToString("N"));

        using var activity = JobTraceContext.Continue(source, "job.process", ActivityKind.Consumer, TraceParent);

        Assert.Same(activity, Activity.Current);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", activity.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", activity.ParentSpanId.ToHexString());
    }

    [Fact]
    public void With_a_listener_the_sources_activity_continues_the_trace_from_the_given_start()
    {
        using var source = new ActivitySource("DocStrange.Test." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var started = DateTimeOffset.UtcNow.AddSeconds(-3);

        using var activity = JobTraceContext.Continue(source, "job.process", ActivityKind.Consumer, TraceParent, started);

        Assert.Same(source, activity.Source);
        Assert.Equal(ActivityKind.Consumer, activity.Kind);
        Assert.True(activity.HasRemoteParent);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", activity.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", activity.ParentSpanId.ToHexString());
        Assert.Equal(started.UtcDateTime, activity.StartTimeUtc);
    }

    [Fact]
    public void A_job_without_a_traceparent_starts_a_trace_of_its_own()
    {
        using var source = new ActivitySource("DocStrange.Test." + Guid.NewGuid().ToString("N"));

        using var activity = JobTraceContext.Continue(source, "job.process", ActivityKind.Consumer, null);

        Assert.Equal(default, activity.ParentSpanId);
        Assert.NotEqual(default, activity.TraceId);
    }
}
