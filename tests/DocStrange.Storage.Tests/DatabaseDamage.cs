using DocStrange.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage.Tests;

/// <summary>
/// Damaged job databases made for real: a migrated SQLite file, checkpointed so every page is in the
/// file itself, then with a page overwritten, its end cut off or its header wiped.
/// </summary>
internal static class DatabaseDamage
{
    /// <summary>The ways a file gets damaged, by name (for theories).</summary>
    public static TheoryData<string> Kinds => [nameof(JobsPage), nameof(Truncated), nameof(Header)];

    /// <summary>Creates and migrates a job database at <paramref name="path"/>.</summary>
    public static async Task CreateAsync(string path)
    {
        await new SqliteJobStore(new SqliteOptions { DatabasePath = path }, TimeProvider.System).MigrateAsync(default);
        Checkpoint(path);
    }

    /// <summary>Damages the file the way <paramref name="kind"/> names.</summary>
    public static void Apply(string kind, string path)
    {
        switch (kind)
        {
            case nameof(JobsPage): JobsPage(path); break;
            case nameof(Truncated): Truncated(path); break;
            case nameof(Header): Header(path); break;
            default: throw new ArgumentException($"No damage called {kind}.", nameof(kind));
        }
    }

    /// <summary>
    /// Moves every page out of the write-ahead log into the file, so bytes written over the file are
    /// what SQLite reads (a page with a newer copy in the log would hide the damage).
    /// </summary>
    public static void Checkpoint(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    /// <summary>Overwrites, in the middle of the file, the page that holds the jobs table: the page every job listing reads.</summary>
    public static void JobsPage(string path)
    {
        Checkpoint(path);
        long pageSize, page;
        using (var connection = Open(path))
        {
            pageSize = Scalar(connection, "PRAGMA page_size");
            page = Scalar(connection, "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'jobs'");
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = (page - 1) * pageSize;
        file.Write(Enumerable.Repeat((byte)0xA5, (int)pageSize).ToArray());
    }

    /// <summary>Cuts the file to half its length, as a copy that stopped short would.</summary>
    public static void Truncated(string path)
    {
        Checkpoint(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.SetLength(file.Length / 2);
    }

    /// <summary>Wipes the 100-byte header: SQLite no longer knows the file.</summary>
    public static void Header(string path)
    {
        Checkpoint(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Write(new byte[100]);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
