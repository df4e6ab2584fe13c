using Microsoft.Data.Sqlite;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// Whether a SQLite file on disk is intact, by SQLite's own <c>PRAGMA quick_check</c> (every page's
/// structure, in time proportional to the file). A damaged page otherwise surfaces only when a query
/// happens to read it, as an error that looks like an outage.
/// </summary>
public static class SqliteIntegrity
{
    /// <summary>SQLITE_CORRUPT: a page or record that breaks the format.</summary>
    private const int Corrupt = 11;

    /// <summary>SQLITE_NOTADB: the header is not a SQLite header.</summary>
    private const int NotADatabase = 26;

    /// <summary>What is wrong with the file, in one line, or null when it is intact or does not exist yet.</summary>
    public static async Task<string?> FindDamageAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath)) return null;
        // A connection of its own, never pooled: a pooled one may answer from pages it cached before the file was damaged.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check(1)";
                var verdict = (string?)await command.ExecuteScalarAsync(cancellationToken);
                return verdict is null or "ok" ? null : OneLine(verdict);
            }
            catch (SqliteException ex) when (IsDamage(ex))
            {
                return Describe(ex);
            }
        }
    }

    /// <summary>Whether a SQLite error says the file itself is damaged, rather than busy, full or away.</summary>
    public static bool IsDamage(SqliteException exception) => exception.SqliteErrorCode is Corrupt or NotADatabase;

    /// <summary>A damage error's finding in one line: SQLite's text for its code, and the code.</summary>
    public static string Describe(SqliteException exception) =>
        $"{(exception.SqliteErrorCode is Corrupt ? "database disk image is malformed" : "file is not a database")} (SQLite error {exception.SqliteErrorCode})";

    /// <summary>The verdict without SQLite's section banner, its lines joined: it ends up in a one-line message.</summary>
    private static string OneLine(string verdict) => string.Join("; ", verdict
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => !line.StartsWith("***", StringComparison.Ordinal)));
}
