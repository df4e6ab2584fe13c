using System.Data.Common;
using Npgsql;

namespace DocStrange.Storage.Postgres;

/// <summary>The connection pool of the job database, with the defaults this service wants.</summary>
public static class PostgresDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/>. Unless the string says otherwise, a
    /// connection going back to the pool is not reset (<c>No Reset On Close=true</c>): the store never
    /// changes session state, and the reset (<c>DISCARD ALL</c>) would otherwise be one more statement
    /// on every use of a pooled connection.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        return builder.Build();
    }
}
