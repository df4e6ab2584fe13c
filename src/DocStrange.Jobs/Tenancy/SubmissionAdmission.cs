using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// Lets a submission in, or refuses it, against the caller's limits before anything is stored: jobs
/// active now (counted in the job table) → <c>CONCURRENCY_LIMIT_EXCEEDED</c>; documents this UTC day
/// and month (reserved on the shared counters, which start from the job table's count) →
/// <c>QUOTA_EXCEEDED</c>. Every submission path (single, batch, sync, from-url, resumable) calls it.
/// </summary>
public sealed class SubmissionAdmission(IUsageCounters counters, IOwnerUsage usage, TimeProvider time)
{
    /// <summary>The counter kind of document quotas.</summary>
    public const string DocumentsCounter = "documents";

    /// <summary>
    /// Reserves <paramref name="documents"/> documents for <paramref name="caller"/> or throws the
    /// limit it would pass. The ticket gives the reservation back when disposed unless
    /// <see cref="AdmissionTicket.Keep"/> said the jobs were made.
    /// </summary>
    public Task<AdmissionTicket> AdmitAsync(Caller caller, int documents, CancellationToken cancellationToken) =>
        AdmitAsync(caller, documents, 0, cancellationToken);

    /// <summary>
    /// As <see cref="AdmitAsync(Caller, int, CancellationToken)"/>, with <paramref name="admittedAlongside"/> documents of the same
    /// request admitted before and not yet made jobs (a batch's earlier files) counted as active jobs.
    /// </summary>
    public async Task<AdmissionTicket> AdmitAsync(Caller caller, int documents, int admittedAlongside, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documents);
        var limits = caller.Limits;
        if (limits is { ConcurrentJobs: null, DocumentsPerDay: null, DocumentsPerMonth: null }) return AdmissionTicket.None;

        var now = time.GetUtcNow();
        var day = UsageWindows.Day(now);
        var month = UsageWindows.Month(now);
        // Only what is limited is counted: the active jobs are few (at most about the limit), and the
        // documents of a window are counted in the job table only when its counter does not exist yet.
        // Counting stops at the limit: past it the answer is the same, and the count is "at least".
        if (limits.ConcurrentJobs is { } concurrent
            && await usage.ActiveJobsAsync(caller.OwnerId, concurrent, cancellationToken) + admittedAlongside is var active
            && active + documents > concurrent)
        {
            var many = active >= concurrent ? $"at least {active}" : $"{active}";
            throw new DocStrangeException(ServiceErrors.ConcurrencyLimitExceeded,
                $"You have {many} jobs pending or processing; your tier allows {concurrent} at a time. Wait for one to finish.",
                new Dictionary<string, object?>
                {
                    ["limit"] = concurrent, ["active"] = active, ["tier"] = caller.Tier,
                    // A hint, not a promise: a slot frees when one of the caller's jobs ends.
                    ["retry_after_seconds"] = ConcurrencyRetryHintSeconds,
                });
        }

        var ticket = new AdmissionTicket(counters);
        try
        {
            await ReserveAsync(ticket, caller, day, limits.DocumentsPerDay, documents, now, cancellationToken);
            await ReserveAsync(ticket, caller, month, limits.DocumentsPerMonth, documents, now, cancellationToken);
            return ticket;
        }
        catch
        {
            await ticket.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Throws <c>QUOTA_EXCEEDED</c>, as <see cref="AdmitAsync(Caller, int, CancellationToken)"/> would, when <paramref name="caller"/> has no
    /// document left this day or month; keeps nothing. For work that only leads to a submission later (a
    /// resumable upload's chunks): taking it in would store bytes whose submission is bound to be refused.
    /// Concurrency is not checked: jobs may well have ended by the time the upload is completed.
    /// </summary>
    public async Task EnsureQuotaLeftAsync(Caller caller, CancellationToken cancellationToken)
    {
        var limits = caller.Limits;
        if (limits is { DocumentsPerDay: null, DocumentsPerMonth: null }) return;
        var now = time.GetUtcNow();
        // One document reserved and given back at once: the counters have no read that starts them from the job table.
        await using var ticket = new AdmissionTicket(counters);
        await ReserveAsync(ticket, caller, UsageWindows.Day(now), limits.DocumentsPerDay, 1, now, cancellationToken);
        await ReserveAsync(ticket, caller, UsageWindows.Month(now), limits.DocumentsPerMonth, 1, now, cancellationToken);
    }

    /// <summary>Seconds a caller refused for concurrency is told to wait before trying again.</summary>
    public const int ConcurrencyRetryHintSeconds = 5;

    private async Task ReserveAsync(AdmissionTicket ticket, Caller caller, UsageWindow window, int? limit, int documents,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (limit is not { } max) return;
        var key = window.KeyFor(DocumentsCounter, caller.OwnerId);
        var result = await counters.TryAddAsync(key, documents, max, IUsageCounters.UnknownFloor, window.End, cancellationToken);
        if (result.NeedsFloor)
        {
            // The window's first submission here (or the counter was lost): start from the job table.
            var used = await usage.DocumentsSinceAsync(caller.OwnerId, window.Start, cancellationToken);
            result = await counters.TryAddAsync(key, documents, max, used, window.End, cancellationToken);
        }
        if (!result.Allowed)
        {
            var retryAfter = window.SecondsUntilReset(now);
            throw new DocStrangeException(ServiceErrors.QuotaExceeded,
                $"You have submitted {result.Count} documents this {window.Name}; your tier allows {max}. The quota resets at {UsageWindows.Format(window.End)}.",
                new Dictionary<string, object?>
                {
                    ["limit"] = max, ["used"] = result.Count, ["period"] = window.Name, ["tier"] = caller.Tier,
                    ["resets_at"] = UsageWindows.Format(window.End), ["retry_after_seconds"] = retryAfter,
                });
        }
        if (result.Counted) ticket.Add(key, documents);
    }
}
