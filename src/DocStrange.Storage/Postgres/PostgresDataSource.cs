using System.Data.Common;
using Npgsql;

namespace DocStrange.Storage.Postgres;

/// <summary>The connection pool of the job database, with the defaults this service wants.</summary>
public static class PostgresDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/>, with two defaults the string can override:
    /// <list type="bullet">
    /// <item>a connection going back to the pool is not reset (<c>No Reset On Close=true</c>): the store
    /// never changes session state, and the reset (<c>DISCARD ALL</c>) would be one more statement on every
    /// use of a pooled connection (and would drop the prepared statements below);</item>
    /// <item>statements used often are prepared on each connection (<c>Max Auto Prepare=</c><see cref="AutoPrepared"/>),
    /// so PostgreSQL parses and plans each of them once per connection instead of on every call. The
    /// statements name their columns (<see cref="Sql.TableColumns"/>), so a migration that adds one does
    /// not invalidate them.</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPrepared;
        }
        return builder.Build();
    }

    /// <summary>How many statements each connection keeps prepared unless the connection string says: more than the store has.</summary>
    public const int AutoPrepared = 64;
}
