using Amazon.S3;
using DocStrange.Storage.S3;
using Npgsql;

namespace DocStrange.IntegrationTests;

/// <summary>
/// The real servers <c>script/test</c> starts on loopback (PostgreSQL, Redis, an S3 server), named by
/// environment variables. A test that finds one missing fails with a message saying how to run it.
/// </summary>
internal static class Servers
{
    public static string Postgres => Required("DOCSTRANGE_TEST_POSTGRES");

    public static string Redis => Required("DOCSTRANGE_TEST_REDIS");

    public static string S3 => Required("DOCSTRANGE_TEST_S3");

    /// <summary>A new, empty schema and a connection string that uses it.</summary>
    public static string NewPostgresSchema()
    {
        var name = "it_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(Postgres);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
        command.ExecuteNonQuery();
        return $"{Postgres};Search Path={name}";
    }

    /// <summary>S3 settings under a fresh key prefix of the shared test bucket.</summary>
    public static S3Options NewS3Options(int partSize = 5 * 1024 * 1024) => new()
    {
        Bucket = "docstrange",
        ServiceUrl = S3,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        Prefix = "it_" + Guid.NewGuid().ToString("N")[..16] + "/",
        PartSize = partSize,
    };

    public static AmazonS3Client S3Client(S3Options options) => new(options.AccessKey, options.SecretKey,
        new AmazonS3Config { ServiceURL = options.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = options.Region });

    /// <summary>A loopback port nothing listens on (free at the time of asking).</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the integration tests through script/test, which starts the servers.");
}
