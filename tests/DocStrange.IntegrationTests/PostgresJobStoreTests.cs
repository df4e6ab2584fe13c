using DocStrange.Jobs.Ports;
using DocStrange.Storage.Postgres;
using DocStrange.Storage.Sql;
using DocStrange.Storage.Tests;
using Npgsql;

namespace DocStrange.IntegrationTests;

/// <summary>The job store contract against PostgreSQL, in a fresh schema per test.</summary>
public sealed class PostgresJobStoreTests : JobStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = PostgresDataSource.Create(Servers.NewPostgresSchema());
    private bool _migrated;

    protected override async Task<IJobStore> OpenStoreAsync()
    {
        var store = new PostgresJobStore(_dataSource, Clock);
        if (!_migrated)
        {
            await store.MigrateAsync(default);
            _migrated = true;
        }
        return store;
    }

    protected override async Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            new { table })];
    }

    protected override async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    [Fact]
    public async Task Prepared_statements_keep_working_after_a_migration_adds_a_column()
    {
        var store = await OpenStoreAsync();
        var job = TestJobs.Pending(Clock.GetUtcNow());
        await store.CreateAsync(job, "api", default);
        // Past Npgsql's auto-prepare threshold (5 uses), on every pooled connection they ran on.
        for (var i = 0; i < 20; i++) Assert.NotNull(await store.GetAsync(job.Id, default));
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var alter = new NpgsqlCommand("ALTER TABLE jobs ADD COLUMN added_later TEXT", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < 5; i++) Assert.Equal(job.Id, (await store.GetAsync(job.Id, default))?.Id);
        Assert.Null(await store.ClaimAsync("gpu", "w1", TimeSpan.FromSeconds(30), 1, default));
    }

    [Fact]
    public async Task Migrating_from_several_processes_at_once_applies_each_script_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresJobStore(_dataSource, Clock)).ToList();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(default))));
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations", connection);
        Assert.Equal(SqlMigrator.Scripts("Postgres.Migrations.").Count(), Convert.ToInt32(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Worker_heartbeats_are_counted_while_recent()
    {
        var store = (PostgresJobStore)await OpenStoreAsync();
        var registry = new SqlWorkerRegistry(store, Clock);
        await registry.HeartbeatAsync(new WorkerHeartbeat("w1", "cpu", 2, 1, "host-a", Clock.GetUtcNow()) { Kinds = ["pdf", "text"], OcrLanguages = ["eng"] }, default);
        await registry.HeartbeatAsync(new WorkerHeartbeat("w2", "gpu", 1, 0, "host-b", Clock.GetUtcNow()) { Kinds = ["png"], OcrLanguages = ["deu", "eng"] }, default);

        Assert.Equal(new WorkerCounts(3, 2, 1), await registry.CountAsync(null, default));
        Assert.Equal(["pdf", "png", "text"], (await registry.LiveKindsAsync(default)).Order());
        Assert.Equal(["deu", "eng"], (await registry.LiveCapabilitiesAsync(default)).OcrLanguages.Order());
        Assert.Equal(new WorkerCounts(1, 1, 0), await registry.CountAsync("gpu", default));

        Clock.Advance(SqlWorkerRegistry.LiveWindow + TimeSpan.FromSeconds(1));
        await registry.HeartbeatAsync(new WorkerHeartbeat("w1", "cpu", 2, 2, "host-a", Clock.GetUtcNow()) { Kinds = ["pdf", "text"], OcrLanguages = ["eng"] }, default);
        Assert.Equal(new WorkerCounts(2, 0, 2), await registry.CountAsync(null, default));
        Assert.Equal(["pdf", "text"], (await registry.LiveKindsAsync(default)).Order());
        Assert.Equal(["eng"], (await registry.LiveCapabilitiesAsync(default)).OcrLanguages);

        await registry.RemoveAsync("w1", default);
        Assert.Equal(WorkerCounts.None, await registry.CountAsync(null, default));
    }

    public void Dispose() => _dataSource.Dispose();
}
