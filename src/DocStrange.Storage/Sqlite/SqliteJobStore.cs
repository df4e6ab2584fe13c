using System.Data.Common;
using Dapper;
using DocStrange.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// The embedded job store: one SQLite file in WAL mode. Every write transaction begins with
/// <c>BEGIN IMMEDIATE</c> (the driver's default), so SQLite's single writer serialises claims and
/// transitions.
/// </summary>
public sealed class SqliteJobStore(SqliteOptions options, TimeProvider time) : SqlJobStore(time)
{
    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!);
        await using var connection = await OpenAsync(cancellationToken);
        // WAL lets readers run beside the one writer; the mode is stored in the file.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await SqlMigrator.MigrateAsync(connection, "Sqlite.Migrations.", cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// SQLite has one writer at a time, and a writer that finds the lock taken sleeps in SQLite's busy
    /// handler for growing steps (1, 2, 5, 10 … 100 ms) before it tries again, so under a burst a
    /// writer can lose to later ones many times over (100 submissions at once: p99 460 ms against the
    /// floor's 66). Queuing this process's writers first come, first served in front of the lock makes
    /// each wait for exactly the writes ahead of it; other processes on the file still meet the busy handler.
    /// </remarks>
    protected override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await _writes.EnterAsync(cancellationToken);

    private readonly SqliteWriteQueue _writes = SqliteWriteQueue.For(options.DatabasePath);

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: WAL needs only NORMAL sync to stay consistent after a crash. busy_timeout
            // lets SQLite wait for the writer with short backoffs; without it the driver sleeps a fixed
            // 150 ms on every busy answer, which shows up as submit latency spikes.
            await connection.ExecuteAsync("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
