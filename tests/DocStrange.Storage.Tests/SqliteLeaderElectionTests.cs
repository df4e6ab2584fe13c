using DocStrange.Jobs.Ports;
using DocStrange.Storage.Sql;
using DocStrange.Storage.Sqlite;

namespace DocStrange.Storage.Tests;

/// <summary>The leader election contract against a fresh SQLite file per test.</summary>
public sealed class SqliteLeaderElectionTests : LeaderElectionContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-leader-").FullName;
    private bool _migrated;

    protected override async Task<ILeaderElection> OpenElectionAsync()
    {
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = Path.Combine(_dir, "jobs.db") }, Clock);
        if (!_migrated)
        {
            await store.MigrateAsync(default);
            _migrated = true;
        }
        return new SqlLeaderElection(store, Clock);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
