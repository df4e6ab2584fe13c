using DocStrange.Document.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Webhooks;
using DocStrange.Storage.Sql;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Storage.Tests;

/// <summary>What the webhook outbox must do on every SQL store: rows written with final transitions, claimed once, attempts recorded.</summary>
public abstract class WebhookOutboxContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A migrated, empty store.</summary>
    protected abstract Task<SqlJobStore> OpenStoreAsync();

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const int NoCap = 0;

    private async Task<(SqlJobStore Store, SqlWebhookOutbox Outbox, Job Job)> ProcessingJobAsync(string? webhookUrl = "https://example.com/hook")
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow()) with { Options = new JobOptions { WebhookUrl = webhookUrl } };
        await store.CreateAsync(job, "api", default);
        var claimed = await store.ClaimAsync(job.Pool, "w1", Lease, NoCap, default);
        Assert.NotNull(claimed);
        return (store, new SqlWebhookOutbox(store, Clock), claimed);
    }

    private static JobTransition Fail(Job job, bool retry) => new()
    {
        JobId = job.Id, Expected = [JobState.Processing], To = retry ? JobState.Pending : JobState.Failed, LeaseOwner = "w1",
        EventKind = retry ? JobEventKinds.RetryScheduled : JobEventKinds.Failed, Actor = "worker:w1",
        Error = new JobError { Code = ErrorCode.ProcessingError, Message = "boom" },
    };

    [Fact]
    public async Task A_final_transition_of_a_job_with_a_webhook_writes_one_pending_delivery()
    {
        var (store, outbox, job) = await ProcessingJobAsync();
        Assert.Empty(await outbox.ListForJobAsync(job.Id, default));
        await store.TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Completed, LeaseOwner = "w1",
            EventKind = JobEventKinds.Completed, Actor = "worker:w1", Result = new JobResult { PagesProcessed = 1 },
        }, default);

        var delivery = Assert.Single(await outbox.ListForJobAsync(job.Id, default));
        Assert.Equal(WebhookEvents.Completed, delivery.Event);
        Assert.StartsWith("evt_", delivery.EventId, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Equal(0, delivery.Attempts);
        Assert.Contains(job.Id, delivery.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_failure_writes_nothing_and_a_final_failure_writes_job_failed()
    {
        var (store, outbox, job) = await ProcessingJobAsync();
        Assert.True((await store.TransitionAsync(Fail(job, retry: true), default)).Applied);
        Assert.Empty(await outbox.ListForJobAsync(job.Id, default));

        var again = await store.ClaimAsync(job.Pool, "w1", Lease, NoCap, default);
        Assert.NotNull(again);
        Assert.True((await store.TransitionAsync(Fail(again, retry: false), default)).Applied);
        Assert.Equal(WebhookEvents.Failed, Assert.Single(await outbox.ListForJobAsync(job.Id, default)).Event);
    }

    [Fact]
    public async Task A_job_without_a_webhook_writes_no_delivery()
    {
        var (store, outbox, job) = await ProcessingJobAsync(webhookUrl: null);
        await store.TransitionAsync(Fail(job, retry: false), default);
        Assert.Empty(await outbox.ListForJobAsync(job.Id, default));
    }

    [Fact]
    public async Task A_due_delivery_is_claimed_once_until_its_claim_runs_out_and_attempts_are_recorded()
    {
        var (store, outbox, job) = await ProcessingJobAsync();
        await store.TransitionAsync(Fail(job, retry: false), default);

        var claimed = Assert.Single(await outbox.ClaimDueAsync(10, Lease, default));
        Assert.Empty(await outbox.ClaimDueAsync(10, Lease, default));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(claimed.Id, Assert.Single(await outbox.ClaimDueAsync(10, Lease, default)).Id);

        await outbox.RecordAttemptAsync(claimed.Id, new WebhookAttempt(503, "the receiver answered 503"), Clock.GetUtcNow() + TimeSpan.FromMinutes(1), default);
        var retried = Assert.Single(await outbox.ListForJobAsync(job.Id, default));
        Assert.Equal((1, WebhookDeliveryState.Pending, 503), (retried.Attempts, retried.State, retried.LastStatus));
        Assert.Empty(await outbox.ClaimDueAsync(10, Lease, default));

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(await outbox.ClaimDueAsync(10, Lease, default));
        await outbox.RecordAttemptAsync(claimed.Id, new WebhookAttempt(204, null), null, default);
        var delivered = Assert.Single(await outbox.ListForJobAsync(job.Id, default));
        Assert.Equal((2, WebhookDeliveryState.Delivered, 204), (delivered.Attempts, delivered.State, delivered.LastStatus));
        Assert.Equal(Clock.GetUtcNow(), delivered.DeliveredAt);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await outbox.ClaimDueAsync(10, Lease, default));
    }

    [Fact]
    public async Task The_last_failed_attempt_gives_the_delivery_up()
    {
        var (store, outbox, job) = await ProcessingJobAsync();
        await store.TransitionAsync(Fail(job, retry: false), default);
        var claimed = Assert.Single(await outbox.ClaimDueAsync(10, Lease, default));
        await outbox.RecordAttemptAsync(claimed.Id, new WebhookAttempt(null, "connection refused"), null, default);
        var failed = Assert.Single(await outbox.ListForJobAsync(job.Id, default));
        Assert.Equal((WebhookDeliveryState.Failed, "connection refused"), (failed.State, failed.LastError));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await outbox.ClaimDueAsync(10, Lease, default));
    }
}
