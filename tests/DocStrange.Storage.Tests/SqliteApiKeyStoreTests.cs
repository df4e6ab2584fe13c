using DocStrange.Storage.Sql;
using DocStrange.Storage.Sqlite;

namespace DocStrange.Storage.Tests;

/// <summary>The API key contract against a fresh SQLite file per test.</summary>
public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-keys-").FullName;

    protected override async Task<SqlJobStore> OpenStoreAsync()
    {
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = Path.Combine(_dir, "jobs.db") }, Clock);
        await store.MigrateAsync(default);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
