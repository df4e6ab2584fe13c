using DocStrange.Storage.Postgres;
using DocStrange.Storage.Sql;
using DocStrange.Storage.Tests;
using Npgsql;

namespace DocStrange.IntegrationTests;

/// <summary>The API key contract against PostgreSQL, in a fresh schema per test.</summary>
public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(Servers.NewPostgresSchema());

    protected override async Task<SqlJobStore> OpenStoreAsync()
    {
        var store = new PostgresJobStore(_dataSource, Clock);
        await store.MigrateAsync(default);
        return store;
    }

    public void Dispose() => _dataSource.Dispose();
}
