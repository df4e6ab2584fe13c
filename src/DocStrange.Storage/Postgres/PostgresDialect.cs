using DocStrange.Storage.Sql;

namespace DocStrange.Storage.Postgres;

/// <summary>PostgreSQL's JSON operators: the column is text, so it is cast to json before <c>-&gt;&gt;</c>, which gives text.</summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The one instance: a dialect holds no state.</summary>
    public static PostgresDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string JsonInteger(string column, string property) => $"CAST(CAST({column} AS json)->>'{property}' AS BIGINT)";

    /// <inheritdoc />
    public override string JsonIsTrue(string column, string property) => $"CAST({column} AS json)->>'{property}' = 'true'";
}
