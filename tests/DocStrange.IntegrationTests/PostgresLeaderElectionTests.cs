using DocStrange.Jobs.Ports;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Sql;
using DocStrange.Storage.Tests;
using Npgsql;

namespace DocStrange.IntegrationTests;

/// <summary>The leader election contract against PostgreSQL, in a fresh schema per test; each election has its own connection pool, as another process would.</summary>
public sealed class PostgresLeaderElectionTests : LeaderElectionContract, IDisposable
{
    private readonly string _connectionString = Servers.NewPostgresSchema();
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<ILeaderElection> OpenElectionAsync()
    {
        var dataSource = PostgresDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        var store = new PostgresJobStore(dataSource, Clock);
        if (_dataSources.Count == 1) await store.MigrateAsync(default);
        return new SqlLeaderElection(store, Clock);
    }

    public void Dispose()
    {
        foreach (var dataSource in _dataSources) dataSource.Dispose();
    }
}
