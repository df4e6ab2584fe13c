namespace DocStrange.Storage.Sql;

/// <summary>
/// What the statements shared by the SQL stores write differently per database. Each store names its
/// dialect, so the shared code asks it instead of testing which store it was given.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>An integer property of a JSON document held in a text column.</summary>
    public abstract string JsonInteger(string column, string property);

    /// <summary>A condition that a boolean property of a JSON document held in a text column is true.</summary>
    public abstract string JsonIsTrue(string column, string property);
}
