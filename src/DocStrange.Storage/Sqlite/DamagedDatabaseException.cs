using System.Data.Common;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// The embedded job database's file is damaged. A <see cref="DbException"/>, so every caller that
/// already answers a failed database (503 on the API, one line from the CLI) answers this too; its
/// message names the file and what an operator does about it.
/// </summary>
public sealed class DamagedDatabaseException(string databasePath, string damage, Exception? inner = null)
    : DbException(MessageFor(databasePath, damage), inner)
{
    /// <summary>The damaged file.</summary>
    public string DatabasePath { get; } = databasePath;

    /// <summary>SQLite's finding, in one line.</summary>
    public string Damage { get; } = damage;

    private static string MessageFor(string path, string damage) =>
        $"the job database {path} is damaged ({damage}); stop DocStrange, then restore the file from a backup, "
        + "or move it aside with its -wal and -shm files to start with an empty job database "
        + "(docs/operations.md, \"A damaged job database\", tells how to salvage its jobs)";
}
