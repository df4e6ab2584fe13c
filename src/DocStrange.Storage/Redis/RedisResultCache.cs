using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DocStrange.Storage.Redis;

/// <summary>
/// The result cache of the distributed mode: one Redis key per owner and request hash, holding the id of
/// the newest job that completed with it and expiring with the cache period. A submission asks Redis, not
/// PostgreSQL, whether it was seen before; a hit is then read from the job table and checked there.
/// While Redis is away the job table answers instead (its request-hash index), so the cache keeps working,
/// only with one more query per submission. A job that completes while Redis is away is not recorded, so
/// once Redis is back an identical request converts again.
/// </summary>
public sealed class RedisResultCache(RedisConnection redis, IJobReader store, TimeProvider time, ILogger<RedisResultCache> logger) : IResultCache
{
    /// <inheritdoc />
    public async Task<Job?> FindAsync(string? ownerId, string requestHash, DateTimeOffset completedSince, CancellationToken cancellationToken)
    {
        if (await ReadIndexAsync(ownerId, requestHash, cancellationToken) is not { } id)
        {
            return await store.FindCachedAsync(ownerId, requestHash, completedSince, cancellationToken);
        }
        if (id.IsNullOrEmpty) return null;

        // The entry only points: the job may have been purged or deleted since, or (a clock's worth) be too old.
        var job = await store.GetAsync(id.ToString(), cancellationToken);
        return job is { State: JobState.Completed, Purged: false, CompletedAt: { } completedAt }
               && completedAt >= completedSince
               && job.RequestHash == requestHash
               && (job.OwnerId ?? "") == (ownerId ?? "")
            ? job
            : null;
    }

    /// <summary>The index entry (empty when there is none), or null when Redis did not answer.</summary>
    private async Task<RedisValue?> ReadIndexAsync(string? ownerId, string requestHash, CancellationToken cancellationToken)
    {
        // A disconnected multiplexer would queue the command until its timeout: the table answers at once instead.
        if (!redis.IsConnected) return null;
        try
        {
            return await redis.Multiplexer.GetDatabase().StringGetAsync(Key(ownerId, requestHash)).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Result cache lookup in Redis failed; asking the job table");
            return null;
        }
    }

    /// <inheritdoc />
    public async Task RememberAsync(Job job, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ttl = until - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero || string.IsNullOrEmpty(job.RequestHash)) return;
        try
        {
            if (!redis.IsConnected) return;
            await redis.Multiplexer.GetDatabase().StringSetAsync(Key(job.OwnerId, job.RequestHash), job.Id, ttl).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Not recorded: the next identical request converts again (or, with Redis away, finds it in the table).
            logger.LogDebug(ex, "Could not record job {JobId} in the result cache", job.Id);
        }
    }

    // The hash has a fixed length, so it goes first and the owner (which may hold any character) last.
    private RedisKey Key(string? ownerId, string requestHash) => $"{redis.Prefix}:cache:{requestHash}:{ownerId}";
}
