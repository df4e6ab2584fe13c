using DocStrange.Storage.Tests;

namespace DocStrange.Cli.Tests;

/// <summary>
/// <c>docstrange serve</c> on a damaged or truncated job database stops at once with one line that
/// names the file and the way out, instead of starting and answering 503 to every job request.
/// </summary>
public sealed class ServeDamagedDatabaseTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("docstrange-cli-damaged-").FullName;

    [Theory]
    [MemberData(nameof(DatabaseDamage.Kinds), MemberType = typeof(DatabaseDamage))]
    public async Task Serve_refuses_a_damaged_database_in_one_line_and_a_non_zero_exit(string kind)
    {
        var database = Path.Combine(_data, "docstrange.db");
        await DatabaseDamage.CreateAsync(database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DatabaseDamage.Apply(kind, database);

        // A server that starts anyway would run until stopped: the time limit turns that into a failure.
        var outcome = await CliRunner.RunAsync(TimeSpan.FromSeconds(30), "serve", "--data", _data, "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(CliRunner.StoppedAtTimeLimit, outcome.ExitCode);
        Assert.NotEqual(0, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("docstrange: the job database ", line);
        Assert.Contains(database, line);
        Assert.Contains("restore the file from a backup", line);
        Assert.DoesNotContain("   at ", outcome.Stdout + outcome.Stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
