using System.ComponentModel.DataAnnotations;

namespace DocStrange.Storage.Postgres;

/// <summary>The PostgreSQL job database of the distributed mode (configuration section <c>DocStrange:Postgres</c>).</summary>
public sealed class PostgresOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Port=5432;Database=docstrange;Username=docstrange;Password=…</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the process starts (otherwise run <c>docstrange migrate</c>).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
