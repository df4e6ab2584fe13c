using DocStrange.Jobs.Ports;
using DocStrange.Storage.Sqlite;

namespace DocStrange.Storage.Tests;

/// <summary>The job store contract against a fresh SQLite file per test.</summary>
public sealed class SqliteJobStoreTests : JobStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-sqlite-").FullName;
    private bool _migrated;

    protected override async Task<IJobStore> OpenStoreAsync()
    {
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = Path.Combine(_dir, "jobs.db") }, Clock);
        if (!_migrated)
        {
            await store.MigrateAsync(default);
            _migrated = true;
        }
        return store;
    }

    protected override Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "jobs.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    protected override async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "jobs.db")}");
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless_and_the_database_is_in_wal_mode()
    {
        var store = await OpenStoreAsync();
        await store.MigrateAsync(default);
        await store.PingAsync(default);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "jobs.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
