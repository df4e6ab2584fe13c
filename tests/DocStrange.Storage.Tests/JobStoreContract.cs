using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Storage.Tests;

/// <summary>
/// What every job store must do, whatever its database. Each adapter's test class derives from this
/// and says how to make a fresh, empty store.
/// </summary>
public abstract class JobStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A migrated, empty store; every call may return another instance over the same database.</summary>
    protected abstract Task<IJobStore> OpenStoreAsync();

    /// <summary>The columns of a table in the migrated schema, in their order.</summary>
    protected abstract Task<IReadOnlyList<string>> ColumnsOfAsync(string table);

    /// <summary>Runs a statement on the store's database directly, as an older version of the store would have.</summary>
    protected abstract Task ExecuteAsync(string sql, object parameters);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>No owner cap: claims take any owner's job.</summary>
    private const int NoCap = 0;

    [Theory]
    [InlineData("jobs", Storage.Sql.TableColumns.Jobs)]
    [InlineData("api_keys", Storage.Sql.TableColumns.ApiKeys)]
    [InlineData("webhook_deliveries", Storage.Sql.TableColumns.WebhookDeliveries)]
    public async Task The_statements_column_lists_name_every_column_of_the_migrated_table(string table, string columns)
    {
        await OpenStoreAsync();
        Assert.Equal(await ColumnsOfAsync(table), columns.Split(", "));
    }

    [Fact]
    public async Task The_live_workers_ocr_engines_read_back_once_per_distinct_status()
    {
        var registry = new Storage.Sql.SqlWorkerRegistry((Storage.Sql.SqlJobStore)await OpenStoreAsync(), Clock);
        OcrEngineStatus tesseract = new("tesseract", true), onCuda = new("paddle", true, "cuda"),
            onCpu = new("paddle", true, "cpu", "the CUDA execution provider could not be loaded: no entry point");
        await registry.HeartbeatAsync(new WorkerHeartbeat("w1", "cpu", 1, 0, "a", Clock.GetUtcNow()) { OcrEngines = [tesseract, onCpu] }, default);
        await registry.HeartbeatAsync(new WorkerHeartbeat("w2", "cpu", 1, 0, "b", Clock.GetUtcNow()) { OcrEngines = [tesseract, onCpu] }, default);
        await registry.HeartbeatAsync(new WorkerHeartbeat("w3", "gpu", 1, 0, "c", Clock.GetUtcNow()) { OcrEngines = [tesseract, onCuda] }, default);

        var all = (await registry.LiveCapabilitiesAsync(default)).OcrEngines;
        Clock.Advance(Storage.Sql.SqlWorkerRegistry.LiveWindow + TimeSpan.FromSeconds(1));
        await registry.HeartbeatAsync(new WorkerHeartbeat("w1", "cpu", 1, 0, "a", Clock.GetUtcNow()) { OcrEngines = [tesseract, onCpu] }, default);
        var gpuGone = (await registry.LiveCapabilitiesAsync(default)).OcrEngines;

        Assert.Equal([onCpu, onCuda, tesseract], all);
        Assert.Equal([onCpu, tesseract], gpuGone);
    }

    [Fact]
    public async Task A_created_job_reads_back_with_its_fields_and_a_created_event()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow()) with { Options = new JobOptions { Pages = "1-3", Languages = ["eng", "deu"] } };
        await store.CreateAsync(job, "api", default);

        var read = await store.GetAsync(job.Id, default);
        Assert.NotNull(read);
        Assert.Equal(job.Id, read.Id);
        Assert.Equal(JobState.Pending, read.State);
        Assert.Equal(job.Input, read.Input);
        Assert.Equal("1-3", read.Options.Pages);
        Assert.Equal(["eng", "deu"], read.Options.Languages);
        Assert.Equal(job.CreatedAt, read.CreatedAt);
        var events = await store.GetEventsAsync(job.Id, default);
        Assert.Equal(JobEventKinds.Created, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task A_claimed_job_carries_the_trace_context_it_was_submitted_with()
    {
        var store = await OpenStoreAsync();
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var traced = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-1)) with { TraceParent = traceParent };
        await store.CreateAsync(traced, "api", default);
        await store.CreateAsync(TestJobs.Pending(Clock.GetUtcNow()), "api", default);

        Assert.Equal(traceParent, (await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default))?.TraceParent);
        var untraced = await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);
        Assert.NotNull(untraced);
        Assert.Null(untraced.TraceParent);
    }

    [Fact]
    public async Task The_result_cache_finds_only_the_same_owners_jobs()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        var done = TestJobs.Pending(now) with
        {
            OwnerId = "key:a", State = JobState.Completed, RequestHash = "hash-1", Result = new JobResult { PagesProcessed = 1 },
            StartedAt = now, CompletedAt = now,
        };
        await store.CreateAsync(done, "api", default);

        Assert.Equal(done.Id, (await store.FindCachedAsync("key:a", "hash-1", now.AddHours(-1), default))?.Id);
        Assert.Null(await store.FindCachedAsync("key:b", "hash-1", now.AddHours(-1), default));
        Assert.Null(await store.FindCachedAsync(null, "hash-1", now.AddHours(-1), default));
        Assert.Null(await store.FindCachedAsync("key:a", "hash-2", now.AddHours(-1), default));
    }

    [Fact]
    public async Task An_owners_active_jobs_are_counted_up_to_the_cap_asked_for()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        for (var i = 0; i < 5; i++) await store.CreateAsync(TestJobs.Pending(now) with { OwnerId = "key:a" }, "api", default);
        await store.CreateAsync(TestJobs.Pending(now) with
        {
            OwnerId = "key:a", State = JobState.Completed, Result = new JobResult { PagesProcessed = 1 }, StartedAt = now, CompletedAt = now,
        }, "api", default);
        await store.CreateAsync(TestJobs.Pending(now) with { OwnerId = "key:b" }, "api", default);
        var usage = new Storage.Sql.SqlOwnerUsage((Storage.Sql.SqlJobStore)store);

        Assert.Equal(3, await usage.ActiveJobsAsync("key:a", 3, default));
        Assert.Equal(5, await usage.ActiveJobsAsync("key:a", 100, default));
        Assert.Equal(1, await usage.ActiveJobsAsync("key:b", 100, default));
        Assert.Equal(0, await usage.ActiveJobsAsync("key:c", 100, default));
    }

    [Fact]
    public async Task An_unknown_job_is_null()
    {
        var store = await OpenStoreAsync();
        Assert.Null(await store.GetAsync(JobIds.New(), default));
    }

    [Fact]
    public async Task Claims_take_express_first_then_oldest_and_lease_the_job()
    {
        var store = await OpenStoreAsync();
        var old = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-10));
        var newer = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-5));
        var express = TestJobs.Pending(Clock.GetUtcNow(), JobPriority.Express);
        var batch = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-60), JobPriority.Batch);
        foreach (var job in new[] { old, newer, express, batch }) await store.CreateAsync(job, "api", default);

        var order = new List<string>();
        while (await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default) is { } claimed)
        {
            Assert.Equal(JobState.Processing, claimed.State);
            Assert.Equal("w1", claimed.LeaseOwner);
            Assert.Equal(Clock.GetUtcNow() + Lease, claimed.LeaseExpiresAt);
            Assert.Equal(1, claimed.Attempts);
            order.Add(claimed.Id);
        }
        Assert.Equal([express.Id, old.Id, newer.Id, batch.Id], order);
    }

    [Fact]
    public async Task Claims_only_take_jobs_of_the_pool_that_are_due()
    {
        var store = await OpenStoreAsync();
        var gpu = TestJobs.Pending(Clock.GetUtcNow(), pool: Pools.Gpu);
        await store.CreateAsync(gpu, "api", default);
        Assert.Null(await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default));

        var claimed = await store.ClaimAsync(Pools.Gpu, "w1", Lease, NoCap, default);
        var retry = await store.TransitionAsync(new JobTransition
        {
            JobId = gpu.Id, Expected = [JobState.Processing], To = JobState.Pending, LeaseOwner = "w1",
            EventKind = JobEventKinds.RetryScheduled, Actor = "worker:w1", NextAttemptAt = Clock.GetUtcNow().AddSeconds(30),
        }, default);
        Assert.True(retry.Applied);
        Assert.Null(await store.ClaimAsync(Pools.Gpu, "w1", Lease, NoCap, default));

        Clock.Advance(TimeSpan.FromSeconds(31));
        var again = await store.ClaimAsync(Pools.Gpu, "w2", Lease, NoCap, default);
        Assert.Equal(gpu.Id, again?.Id);
        Assert.Equal(2, again?.Attempts);
        Assert.NotNull(claimed);
    }

    [Fact]
    public async Task A_second_slot_goes_to_a_later_owner_while_the_first_owner_is_at_its_cap()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        var a = Enumerable.Range(0, 5).Select(i => TestJobs.Pending(now.AddSeconds(-60 + i)) with { OwnerId = "key:a" }).ToList();
        var b = TestJobs.Pending(now) with { OwnerId = "key:b" };
        foreach (var job in a.Append(b)) await store.CreateAsync(job, "api", default);

        Assert.Equal(a[0].Id, (await store.ClaimAsync(Pools.Cpu, "w1", Lease, 1, default))?.Id);
        Assert.Equal(b.Id, (await store.ClaimAsync(Pools.Cpu, "w2", Lease, 1, default))?.Id);
        // Both owners are at the cap: a third slot finds nothing to claim, though four of a's jobs wait.
        Assert.Null(await store.ClaimAsync(Pools.Cpu, "w3", Lease, 1, default));

        Assert.True((await store.TransitionAsync(Complete(a[0].Id, "w1"), default)).Applied);
        Assert.Equal(a[1].Id, (await store.ClaimAsync(Pools.Cpu, "w3", Lease, 1, default))?.Id);
        Assert.Equal(JobState.Pending, (await store.GetAsync(a[2].Id, default))?.State);
    }

    [Fact]
    public async Task A_lone_owner_at_its_cap_leaves_the_other_slots_free_but_always_gets_one()
    {
        var store = await OpenStoreAsync();
        // Jobs without an owner count as one owner.
        var first = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-2));
        var second = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-1));
        foreach (var job in new[] { first, second }) await store.CreateAsync(job, "api", default);

        Assert.Equal(first.Id, (await store.ClaimAsync(Pools.Cpu, "w1", Lease, 1, default))?.Id);
        Assert.Null(await store.ClaimAsync(Pools.Cpu, "w2", Lease, 1, default));
        // The cap counts the pool's processing jobs only.
        var gpu = TestJobs.Pending(Clock.GetUtcNow(), pool: Pools.Gpu);
        await store.CreateAsync(gpu, "api", default);
        Assert.Equal(gpu.Id, (await store.ClaimAsync(Pools.Gpu, "g1", Lease, 1, default))?.Id);

        Assert.True((await store.TransitionAsync(Complete(first.Id, "w1"), default)).Applied);
        Assert.Equal(second.Id, (await store.ClaimAsync(Pools.Cpu, "w1", Lease, 1, default))?.Id);
    }

    [Fact]
    public async Task Without_a_cap_the_owner_with_fewer_jobs_processing_still_goes_first()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        var a = Enumerable.Range(0, 3).Select(i => TestJobs.Pending(now.AddSeconds(-60 + i)) with { OwnerId = "key:a" }).ToList();
        var b = TestJobs.Pending(now) with { OwnerId = "key:b" };
        foreach (var job in a.Append(b)) await store.CreateAsync(job, "api", default);
        var order = new List<string> { (await store.ClaimAsync(Pools.Cpu, "w0", Lease, NoCap, default))!.Id };
        // Even an express job of the owner with a job processing waits behind the owner with none.
        var express = TestJobs.Pending(now, JobPriority.Express) with { OwnerId = "key:a" };
        await store.CreateAsync(express, "api", default);

        while (await store.ClaimAsync(Pools.Cpu, $"w{order.Count}", Lease, NoCap, default) is { } claimed) order.Add(claimed.Id);

        Assert.Equal([a[0].Id, b.Id, express.Id, a[1].Id, a[2].Id], order);
    }

    [Fact]
    public async Task Owners_with_as_many_jobs_processing_take_turns_by_who_was_served_longest_ago()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        var a = Enumerable.Range(0, 3).Select(i => TestJobs.Pending(now.AddSeconds(-60 + i)) with { OwnerId = "key:a" }).ToList();
        var b = Enumerable.Range(0, 2).Select(i => TestJobs.Pending(now.AddSeconds(-30 + i)) with { OwnerId = "key:b" }).ToList();
        foreach (var job in a.Concat(b)) await store.CreateAsync(job, "api", default);

        // One slot: each job ends before the next claim, so every owner has none processing.
        var order = new List<string>();
        while (await store.ClaimAsync(Pools.Cpu, "w1", Lease, 1, default) is { } claimed)
        {
            order.Add(claimed.Id);
            Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True((await store.TransitionAsync(Complete(claimed.Id, "w1"), default)).Applied);
        }

        Assert.Equal([a[0].Id, b[0].Id, a[1].Id, b[1].Id, a[2].Id], order);
    }

    [Fact]
    public async Task Concurrent_claimers_never_take_an_owner_past_its_cap()
    {
        var setup = await OpenStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            await setup.CreateAsync(TestJobs.Pending(Clock.GetUtcNow().AddMilliseconds(i)) with { OwnerId = "key:a" }, "api", default);
            await setup.CreateAsync(TestJobs.Pending(Clock.GetUtcNow().AddMilliseconds(i)) with { OwnerId = "key:b" }, "api", default);
        }

        // Eight claimers, each with its own store instance (its own connections), racing on one database.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            var mine = new List<Job>();
            while (await store.ClaimAsync(Pools.Cpu, $"w{w}", Lease, 3, default) is { } job) mine.Add(job);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(3, all.Count(j => j.OwnerId == "key:a"));
        Assert.Equal(3, all.Count(j => j.OwnerId == "key:b"));
        Assert.Equal(6, all.Select(j => j.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_transition_from_an_unexpected_state_is_a_conflict_that_changes_nothing()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);

        var result = await store.TransitionAsync(Complete(job.Id, "w1"), default);

        Assert.Equal(TransitionStatus.Conflict, result.Status);
        Assert.Equal(JobState.Pending, result.Job?.State);
        Assert.Equal(JobState.Pending, (await store.GetAsync(job.Id, default))?.State);
        Assert.Single(await store.GetEventsAsync(job.Id, default));
    }

    [Fact]
    public async Task A_transition_of_an_unknown_job_is_not_found()
    {
        var store = await OpenStoreAsync();
        var result = await store.TransitionAsync(Complete(JobIds.New(), "w1"), default);
        Assert.Equal(TransitionStatus.NotFound, result.Status);
        Assert.Null(result.Job);
    }

    [Fact]
    public async Task Only_the_lease_owner_can_finish_a_job()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);

        var stranger = await store.TransitionAsync(Complete(job.Id, "w2"), default);
        Assert.Equal(TransitionStatus.Conflict, stranger.Status);

        var owner = await store.TransitionAsync(Complete(job.Id, "w1"), default);
        Assert.True(owner.Applied);
        Assert.Equal(JobState.Completed, owner.Job?.State);
        Assert.Null(owner.Job?.LeaseOwner);
        Assert.Equal(Clock.GetUtcNow(), owner.Job?.CompletedAt);
        Assert.Equal(7, owner.Job?.Result?.PagesProcessed);

        var events = await store.GetEventsAsync(job.Id, default);
        Assert.Equal([JobEventKinds.Created, JobEventKinds.Claimed, JobEventKinds.Completed], events.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal((JobState?)JobState.Processing, events[2].From);
        Assert.Equal((JobState?)JobState.Completed, events[2].To);
    }

    [Fact]
    public async Task A_failure_keeps_its_error_and_records_the_code_in_the_history()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);

        var error = new JobError { Code = ErrorCode.UnreadableDocument, Message = "broken", Details = new Dictionary<string, object?> { ["page"] = 3 } };
        var result = await store.TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Failed, LeaseOwner = "w1",
            EventKind = JobEventKinds.Failed, Actor = "worker:w1", Error = error, Message = "broken",
        }, default);

        Assert.True(result.Applied);
        var read = await store.GetAsync(job.Id, default);
        Assert.Equal(ErrorCode.UnreadableDocument, read?.Error?.Code);
        Assert.Equal("broken", read?.Error?.Message);
        Assert.Equal("3", read?.Error?.Details["page"]?.ToString());
        Assert.Equal(ErrorCode.UnreadableDocument, (await store.GetEventsAsync(job.Id, default)).Last().Code);
    }

    [Fact]
    public async Task Progress_renews_the_lease_and_reports_a_cancel_request()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);
        Clock.Advance(TimeSpan.FromSeconds(20));

        var status = await store.ReportProgressAsync(job.Id, "w1", new JobProgress("parsing", 2, 5), Lease, default);
        Assert.Equal(new LeaseStatus(true, false), status);
        var read = await store.GetAsync(job.Id, default);
        Assert.Equal(Clock.GetUtcNow() + Lease, read?.LeaseExpiresAt);
        Assert.Equal(new JobProgress("parsing", 2, 5), read?.Progress);

        Assert.True((await store.RequestCancelAsync(job.Id, "api", default)).Applied);
        Assert.Equal(TransitionStatus.Conflict, (await store.RequestCancelAsync(job.Id, "api", default)).Status);
        Assert.Equal(new LeaseStatus(true, true), await store.ReportProgressAsync(job.Id, "w1", new JobProgress("parsing", 3, 5), Lease, default));
        Assert.Equal(new LeaseStatus(false, false), await store.ReportProgressAsync(job.Id, "w2", new JobProgress("parsing", 3, 5), Lease, default));
    }

    [Fact]
    public async Task Expired_leases_are_rescued_and_retries_run_out()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow(), maxRetries: 1);
        await store.CreateAsync(job, "api", default);

        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);
        Assert.Empty(await store.RescueExpiredLeasesAsync(default));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var first = Assert.Single(await store.RescueExpiredLeasesAsync(default));
        Assert.Equal(JobState.Pending, first.State);
        Assert.Equal(ServiceErrors.WorkerTimeout, first.Error?.Code);

        await store.ClaimAsync(Pools.Cpu, "w2", Lease, NoCap, default);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = Assert.Single(await store.RescueExpiredLeasesAsync(default));
        Assert.Equal(JobState.Failed, second.State);
        Assert.False(second.Error?.Retryable);

        // The first worker comes back late: its result must not overwrite the final state.
        var late = await store.TransitionAsync(Complete(job.Id, "w1"), default);
        Assert.Equal(TransitionStatus.Conflict, late.Status);
        Assert.Equal(JobState.Failed, (await store.GetAsync(job.Id, default))?.State);
    }

    [Fact]
    public async Task Listing_is_newest_first_with_a_cursor_and_a_state_filter()
    {
        var store = await OpenStoreAsync();
        var jobs = Enumerable.Range(0, 7).Select(i => TestJobs.Pending(Clock.GetUtcNow().AddSeconds(i))).ToList();
        foreach (var job in jobs) await store.CreateAsync(job, "api", default);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default); // the oldest

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(new JobListQuery(Cursor: cursor, Limit: 3), default);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(j => j.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(jobs.Select(j => j.Id).Reverse(), seen);

        var processing = await store.ListAsync(new JobListQuery(State: JobState.Processing), default);
        Assert.Equal(jobs[0].Id, Assert.Single(processing.Items).Id);
    }

    [Fact]
    public async Task A_forged_cursor_is_an_invalid_request()
    {
        var store = await OpenStoreAsync();
        var ex = await Assert.ThrowsAsync<DocStrangeException>(() => store.ListAsync(new JobListQuery(Cursor: "not-a-cursor!"), default));
        Assert.Equal(ErrorCode.InvalidRequest, ex.Code);
    }

    [Fact]
    public async Task Queue_position_counts_the_jobs_claimed_before()
    {
        var store = await OpenStoreAsync();
        var a = TestJobs.Pending(Clock.GetUtcNow());
        var b = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(1));
        var c = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(2), JobPriority.Express);
        foreach (var job in new[] { a, b, c }) await store.CreateAsync(job, "api", default);

        Assert.Equal(0, await store.CountAheadAsync(c, default));
        Assert.Equal(1, await store.CountAheadAsync(a, default));
        Assert.Equal(2, await store.CountAheadAsync(b, default));
    }

    [Fact]
    public async Task Purging_applies_once_and_only_to_final_jobs()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        Assert.Equal(TransitionStatus.Conflict, (await store.MarkPurgedAsync(job.Id, "api", default)).Status);

        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);
        await store.TransitionAsync(Complete(job.Id, "w1"), default);
        var purged = await store.MarkPurgedAsync(job.Id, "api", default);
        Assert.True(purged.Applied);
        Assert.True(purged.Job?.Purged);
        Assert.Equal(TransitionStatus.Conflict, (await store.MarkPurgedAsync(job.Id, "api", default)).Status);
    }

    [Fact]
    public async Task Expired_jobs_are_listed_until_purged()
    {
        var store = await OpenStoreAsync();
        var completed = TestJobs.Pending(Clock.GetUtcNow().AddSeconds(-1));
        var pending = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(completed, "api", default);
        await store.CreateAsync(pending, "api", default);
        Assert.Equal(completed.Id, (await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default))?.Id);
        Assert.True((await store.TransitionAsync(Complete(completed.Id, "w1") with { ResultExpiresAt = Clock.GetUtcNow().AddDays(30) }, default)).Applied);

        Assert.Empty(await store.ListExpiredAsync(Clock.GetUtcNow(), Clock.GetUtcNow().AddDays(-30), 10, default));
        var later = Clock.GetUtcNow().AddDays(31);
        Assert.Equal(completed.Id, Assert.Single(await store.ListExpiredAsync(later, later.AddDays(-30), 10, default)).Id);

        await store.MarkPurgedAsync(completed.Id, "janitor", default);
        Assert.Empty(await store.ListExpiredAsync(later, later.AddDays(-30), 10, default));
    }

    [Fact]
    public async Task Only_records_of_purged_jobs_that_ended_before_the_cutoff_are_deleted_with_their_events()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        Job Ended(int daysAgo) => TestJobs.Pending(now.AddDays(-daysAgo)) with
        {
            State = JobState.Completed, Result = new JobResult { PagesProcessed = 1 }, StartedAt = now.AddDays(-daysAgo),
            CompletedAt = now.AddDays(-daysAgo),
        };
        var old = Ended(100);
        var oldKept = Ended(100);
        var recent = Ended(10);
        var running = TestJobs.Pending(now.AddDays(-100));
        foreach (var job in new[] { old, oldKept, recent, running }) await store.CreateAsync(job, "api", default);
        // Purged: their files are gone (the janitor, or a DELETE of the finished job).
        Assert.True((await store.MarkPurgedAsync(old.Id, "janitor", default)).Applied);
        Assert.True((await store.MarkPurgedAsync(recent.Id, "janitor", default)).Applied);
        Assert.NotEmpty(await store.GetEventsAsync(old.Id, default));

        Assert.Equal(1, await store.DeleteRecordsAsync(now.AddDays(-90), 10, default));

        Assert.Null(await store.GetAsync(old.Id, default));
        Assert.Empty(await store.GetEventsAsync(old.Id, default));
        foreach (var kept in new[] { oldKept, recent, running }) Assert.NotNull(await store.GetAsync(kept.Id, default));
        Assert.Equal(0, await store.DeleteRecordsAsync(now.AddDays(-90), 10, default));
    }

    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_job()
    {
        var setup = await OpenStoreAsync();
        const int count = 120;
        for (var i = 0; i < count; i++) await setup.CreateAsync(TestJobs.Pending(Clock.GetUtcNow().AddMilliseconds(i)), "api", default);

        // Four claimers, each with its own store instance (its own connections), racing on one database.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            var mine = new List<string>();
            while (await store.ClaimAsync(Pools.Cpu, $"w{w}", Lease, NoCap, default) is { } job) mine.Add(job.Id);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(count, all.Count);
        Assert.Equal(count, all.Distinct().Count());
    }

    [Theory]
    [InlineData(JobState.Completed)]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    public async Task A_job_keeps_its_pdf_password_until_it_ends_and_not_after(JobState final)
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow()) with { Options = new JobOptions { Pages = "1-3", Password = "pdf-Secret-9" } };
        await store.CreateAsync(job, "api", default);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);

        // A retry converts again, so the job going back to pending still needs the password.
        Assert.True((await store.TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Processing], To = JobState.Pending, LeaseOwner = "w1",
            EventKind = JobEventKinds.RetryScheduled, Actor = "worker:w1",
        }, default)).Applied);
        Assert.Equal("pdf-Secret-9", (await store.GetAsync(job.Id, default))?.Options.Password);
        await store.ClaimAsync(Pools.Cpu, "w1", Lease, NoCap, default);

        var ended = await store.TransitionAsync(final switch
        {
            JobState.Completed => Complete(job.Id, "w1"),
            JobState.Failed => new JobTransition
            {
                JobId = job.Id, Expected = [JobState.Processing], To = JobState.Failed, LeaseOwner = "w1", EventKind = JobEventKinds.Failed,
                Actor = "worker:w1", Error = new JobError { Code = ErrorCode.EncryptedDocument, Message = "The password does not open it." },
            },
            _ => new JobTransition
            {
                JobId = job.Id, Expected = [JobState.Processing], To = JobState.Cancelled, LeaseOwner = "w1",
                EventKind = JobEventKinds.Cancelled, Actor = "worker:w1",
            },
        }, default);

        Assert.True(ended.Applied);
        Assert.Null(ended.Job?.Options.Password);
        var read = await store.GetAsync(job.Id, default);
        Assert.Equal(final, read?.State);
        Assert.Null(read?.Options.Password);
        Assert.Equal("1-3", read?.Options.Pages);
        Assert.Equal(job.RequestHash, read?.RequestHash);
    }

    [Fact]
    public async Task A_job_cancelled_before_it_started_keeps_no_password()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow()) with { Options = new JobOptions { Password = "pdf-Secret-9" } };
        await store.CreateAsync(job, "api", default);

        Assert.True((await store.TransitionAsync(new JobTransition
        {
            JobId = job.Id, Expected = [JobState.Pending], To = JobState.Cancelled, EventKind = JobEventKinds.Cancelled, Actor = "api",
        }, default)).Applied);

        Assert.Null((await store.GetAsync(job.Id, default))?.Options.Password);
    }

    [Fact]
    public async Task A_job_made_final_at_once_from_the_result_cache_stores_no_password_and_is_found_by_its_request()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        var cached = TestJobs.Pending(now) with
        {
            State = JobState.Completed, Options = new JobOptions { Password = "pdf-Secret-9" }, RequestHash = "hash-with-password",
            Result = new JobResult { PagesProcessed = 1 }, StartedAt = now, CompletedAt = now,
        };
        await store.CreateAsync(cached, "api", default);

        Assert.Null((await store.GetAsync(cached.Id, default))?.Options.Password);
        Assert.Equal(cached.Id, (await store.FindCachedAsync(null, "hash-with-password", now.AddHours(-1), default))?.Id);
    }

    [Fact]
    public async Task The_migration_drops_the_passwords_that_jobs_ended_before_it_kept()
    {
        var store = await OpenStoreAsync();
        var ended = TestJobs.Pending(Clock.GetUtcNow());
        var waiting = TestJobs.Pending(Clock.GetUtcNow()) with { Options = new JobOptions { Password = "pdf-Secret-9" } };
        await store.CreateAsync(ended, "api", default);
        await store.CreateAsync(waiting, "api", default);
        // The row as a store that kept passwords left it, and the database as it was before the migration.
        await ExecuteAsync("""
            UPDATE jobs SET state = 'failed', options = '{"pages":"2","password":"pdf-Secret-9"}' WHERE id = @id;
            DELETE FROM schema_migrations WHERE name = 'final_jobs_drop_password';
            """, new { id = ended.Id });

        await store.MigrateAsync(default);

        var read = await store.GetAsync(ended.Id, default);
        Assert.Null(read?.Options.Password);
        Assert.Equal("2", read?.Options.Pages);
        Assert.Equal("pdf-Secret-9", (await store.GetAsync(waiting.Id, default))?.Options.Password);
    }

    private static JobTransition Complete(string jobId, string worker) => new()
    {
        JobId = jobId, Expected = [JobState.Processing], To = JobState.Completed, LeaseOwner = worker,
        EventKind = JobEventKinds.Completed, Actor = $"worker:{worker}", Result = new JobResult { PagesProcessed = 7 },
    };
}
