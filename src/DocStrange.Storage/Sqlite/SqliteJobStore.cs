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
