using System.Data.Common;
using Dapper;
using DocStrange.Storage.Sql;
using Npgsql;

namespace DocStrange.Storage.Postgres;

/// <summary>
/// The distributed job store: the same table as the embedded one, in PostgreSQL. Claimers skip rows
/// other claimers hold (<c>FOR UPDATE SKIP LOCKED</c>), so any number of workers take distinct jobs
/// without waiting on each other; transitions lock the job's row.
/// </summary>
public sealed class PostgresJobStore(NpgsqlDataSource dataSource, TimeProvider time) : SqlJobStore(time)
{
    // Any constant: serialises migrations run by several processes starting together.
    private const long MigrationLockKey = 0x446f635374726e67;

    /// <inheritdoc />
    protected override string ClaimCandidateSql => base.ClaimCandidateSql + "\nFOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    protected override string LockJobSql => base.LockJobSql + " FOR UPDATE";

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey });
        try
        {
            await SqlMigrator.MigrateAsync(connection, "Postgres.Migrations.", cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
        }
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
