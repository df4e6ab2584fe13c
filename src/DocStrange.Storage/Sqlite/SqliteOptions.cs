namespace DocStrange.Storage.Sqlite;

/// <summary>Where the embedded job database lives.</summary>
public sealed class SqliteOptions
{
    /// <summary>The path of the database file.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a health probe's integrity verdict on the file stands before the file is checked again.</summary>
    public TimeSpan IntegrityCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The connection string for <see cref="DatabasePath"/>: pooled, waiting up to 30 s on a busy database.</summary>
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=True;Default Timeout=30";
}
