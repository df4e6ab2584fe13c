using System.Data.Common;
using Dapper;
using DocStrange.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// The embedded job store: one SQLite file in WAL mode. Every write transaction begins with
/// <c>BEGIN IMMEDIATE</c> (the driver's default), so SQLite's single writer serialises claims and
/// transitions. A damaged file is refused at start and reported by <see cref="PingAsync"/> as
/// <see cref="DamagedDatabaseException"/>, never left to look like an outage.
/// </summary>
public sealed class SqliteJobStore(SqliteOptions options, TimeProvider time) : SqlJobStore(time)
{
    /// <inheritdoc />
    internal override SqlDialect Dialect => SqliteDialect.Instance;

    private readonly SqliteIntegrityWatch _integrity = new(options.DatabasePath, options.IntegrityCheckInterval, time);
    private Task? _startCheck;

    /// <inheritdoc />
    /// <exception cref="DamagedDatabaseException">The file is damaged: migrating it would fail somewhere in the middle, or not at all and leave it to the first query that reads the bad page.</exception>
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!);
        await VerifyIntactAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // WAL lets readers run beside the one writer; the mode is stored in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            await SqlMigrator.MigrateAsync(connection, "Sqlite.Migrations.", cancellationToken);
        }
        catch (SqliteException ex) when (SqliteIntegrity.IsDamage(ex))
        {
            throw new DamagedDatabaseException(options.DatabasePath, SqliteIntegrity.Describe(ex), ex);
        }
    }

    /// <summary>
    /// Checks the whole file once per store (later calls share the first check): a process that
    /// starts on a damaged file only fails later, query by query. Run before the host starts, it lets
    /// a command report the damage in one line instead of a failed start.
    /// </summary>
    /// <exception cref="DamagedDatabaseException">The file is damaged.</exception>
    public Task VerifyIntactAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _startCheck, CheckAtStartAsync).WaitAsync(cancellationToken);

    private async Task CheckAtStartAsync()
    {
        var damage = await SqliteIntegrity.FindDamageAsync(options.DatabasePath, CancellationToken.None);
        _integrity.Record(damage);
        if (damage is not null) throw new DamagedDatabaseException(options.DatabasePath, damage);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Beyond answering, the file must be intact: a damaged page in the middle leaves the ping's own
    /// query working while every query that reads that page fails.
    /// </remarks>
    /// <exception cref="DamagedDatabaseException">The file is damaged.</exception>
    public override async Task PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.PingAsync(cancellationToken);
        }
        catch (SqliteException ex) when (SqliteIntegrity.IsDamage(ex))
        {
            throw new DamagedDatabaseException(options.DatabasePath, SqliteIntegrity.Describe(ex), ex);
        }
        if (await _integrity.DamageAsync(cancellationToken) is { } damage) throw new DamagedDatabaseException(options.DatabasePath, damage);
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
