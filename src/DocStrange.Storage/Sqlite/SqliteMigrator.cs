using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DocStrange.Storage.Sqlite;

/// <summary>
/// Applies the numbered scripts in <c>Sqlite/Migrations/NNN_name.sql</c> that the database has not
/// seen, each in its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
internal static class SqliteMigrator
{
    private const string Prefix = "Sqlite.Migrations.";

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the one writer; the mode is stored in the file.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();

        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, tx);
            await tx.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The embedded scripts in version order.</summary>
    public static IEnumerable<(long Version, string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource[Prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_');
            var version = long.Parse(file[..underscore], System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, file[(underscore + 1)..], reader.ReadToEnd());
        }
    }
}
