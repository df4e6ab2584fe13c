using DocStrange.Storage.Sqlite;

namespace DocStrange.Storage.Tests;

/// <summary>A damaged database file is found, refused at start and reported by the ping, in one line that names the file.</summary>
public sealed class SqliteIntegrityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-integrity-").FullName;

    private string DatabasePath => Path.Combine(_dir, "docstrange.db");

    [Fact]
    public async Task An_intact_file_and_a_missing_one_have_no_damage()
    {
        Assert.Null(await SqliteIntegrity.FindDamageAsync(DatabasePath, default));
        await DatabaseDamage.CreateAsync(DatabasePath);
        Assert.Null(await SqliteIntegrity.FindDamageAsync(DatabasePath, default));
    }

    [Theory]
    [MemberData(nameof(DatabaseDamage.Kinds), MemberType = typeof(DatabaseDamage))]
    public async Task A_damaged_file_is_found_and_said_in_one_line(string kind)
    {
        await DatabaseDamage.CreateAsync(DatabasePath);
        DatabaseDamage.Apply(kind, DatabasePath);

        var damage = await SqliteIntegrity.FindDamageAsync(DatabasePath, default);

        Assert.False(string.IsNullOrWhiteSpace(damage));
        Assert.DoesNotContain('\n', damage);
    }

    [Theory]
    [MemberData(nameof(DatabaseDamage.Kinds), MemberType = typeof(DatabaseDamage))]
    public async Task Starting_on_a_damaged_file_is_refused_naming_the_file_and_the_way_out(string kind)
    {
        await DatabaseDamage.CreateAsync(DatabasePath);
        DatabaseDamage.Apply(kind, DatabasePath);
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = DatabasePath }, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<DamagedDatabaseException>(() => store.MigrateAsync(default));

        Assert.Contains(DatabasePath, refused.Message);
        Assert.Contains("restore the file from a backup", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task The_ping_reports_a_file_damaged_while_the_store_runs()
    {
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = DatabasePath, IntegrityCheckInterval = TimeSpan.Zero }, TimeProvider.System);
        await store.MigrateAsync(default);
        await store.PingAsync(default);

        DatabaseDamage.JobsPage(DatabasePath);

        var damaged = await Assert.ThrowsAsync<DamagedDatabaseException>(() => store.PingAsync(default));
        Assert.Equal(DatabasePath, damaged.DatabasePath);
    }

    [Fact]
    public async Task A_verdict_stands_for_the_interval()
    {
        var store = new SqliteJobStore(new SqliteOptions { DatabasePath = DatabasePath, IntegrityCheckInterval = TimeSpan.FromHours(1) }, TimeProvider.System);
        await store.MigrateAsync(default);

        DatabaseDamage.JobsPage(DatabasePath);

        // The check at start found the file intact; within the hour the ping does not read the whole file again.
        await store.PingAsync(default);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
