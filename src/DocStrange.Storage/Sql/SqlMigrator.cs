using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;

namespace DocStrange.Storage.Sql;

/// <summary>
/// Applies the numbered scripts embedded as <c>&lt;prefix&gt;NNN_name.sql</c> that the database has
/// not seen, each in its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
internal static class SqlMigrator
{
    public static async Task MigrateAsync(DbConnection connection, string resourcePrefix, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();

        foreach (var (version, name, sql) in Scripts(resourcePrefix))
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

    /// <summary>The embedded scripts under a prefix, in version order.</summary>
    public static IEnumerable<(long Version, string Name, string Sql)> Scripts(string resourcePrefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource[resourcePrefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_');
            var version = long.Parse(file[..underscore], CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, file[(underscore + 1)..], reader.ReadToEnd());
        }
    }
}
