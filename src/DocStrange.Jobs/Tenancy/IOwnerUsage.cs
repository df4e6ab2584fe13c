namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// What one owner has done, read from the job table (the truth): the documents submitted in a window
/// and the jobs it has waiting or running now.
/// </summary>
public interface IOwnerUsage
{
    /// <summary>The counts admission needs: documents since <paramref name="dayStart"/> and since <paramref name="monthStart"/>, and jobs pending or processing.</summary>
    Task<OwnerCounts> CountAsync(string ownerId, DateTimeOffset dayStart, DateTimeOffset monthStart, CancellationToken cancellationToken);

    /// <summary>Documents submitted since <paramref name="from"/>: the floor of a quota counter that does not exist yet.</summary>
    Task<long> DocumentsSinceAsync(string ownerId, DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>
    /// Jobs pending or processing now, counted up to <paramref name="atMost"/>: admission only needs to
    /// know whether the limit is reached, and an owner with a long queue must not make every submission
    /// count all of it.
    /// </summary>
    Task<long> ActiveJobsAsync(string ownerId, long atMost, CancellationToken cancellationToken);

    /// <summary>Documents, pages, bytes and processing time submitted in <c>[from, to)</c>.</summary>
    Task<UsageTotals> TotalsAsync(string ownerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>Documents submitted this day and month, and jobs active now.</summary>
public sealed record OwnerCounts(long DocumentsToday, long DocumentsThisMonth, long ActiveJobs);

/// <summary>Totals over a window; pages and processing time come from completed jobs.</summary>
/// <param name="Documents">Jobs submitted, whatever became of them (cache hits included).</param>
/// <param name="CachedDocuments">Of those, completed at once from the result cache.</param>
/// <param name="Pages">Pages converted (completed jobs).</param>
/// <param name="Bytes">Bytes uploaded.</param>
/// <param name="ProcessingTimeMs">Conversion time of completed jobs.</param>
public sealed record UsageTotals(long Documents, long CachedDocuments, long Pages, long Bytes, long ProcessingTimeMs);
