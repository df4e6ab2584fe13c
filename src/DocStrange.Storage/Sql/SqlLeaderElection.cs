using Dapper;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Sql;

/// <summary>
/// Leaderships as rows of <c>leader_leases</c>, beside the jobs (SQLite and PostgreSQL alike). Taking and
/// renewing are one upsert whose update applies only for the same holder or an expired row, so of
/// holders racing for a free or expired leadership exactly one gets it. A row rather than a session
/// lock: a holder whose connection drops keeps its leadership until its time runs out, instead of
/// losing it silently between two checks. Times are the writers' clocks, as for job leases.
/// </summary>
public sealed class SqlLeaderElection(SqlJobStore store, TimeProvider time) : ILeaderElection
{
    /// <inheritdoc />
    public async Task<bool> TryLeadAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = time.GetUtcNow();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var leader = await connection.QuerySingleOrDefaultAsync<string>("""
            INSERT INTO leader_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leader_leases.holder = excluded.holder OR leader_leases.expires_at <= @now
            RETURNING holder
            """, new { name, holder, expires = (now + ttl).ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds() });
        return leader == holder;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM leader_leases WHERE name = @name AND holder = @holder", new { name, holder });
    }
}
