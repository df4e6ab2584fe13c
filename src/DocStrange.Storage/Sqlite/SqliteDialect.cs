using DocStrange.Storage.Sql;

namespace DocStrange.Storage.Sqlite;

/// <summary>SQLite's JSON functions: <c>json_extract</c> gives JSON true as 1.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one instance: a dialect holds no state.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string JsonInteger(string column, string property) => $"json_extract({column}, '$.{property}')";

    /// <inheritdoc />
    public override string JsonIsTrue(string column, string property) => $"json_extract({column}, '$.{property}') = 1";
}
