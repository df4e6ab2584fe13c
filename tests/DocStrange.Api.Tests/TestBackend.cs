using Amazon.S3;
using Amazon.S3.Model;
using Npgsql;

namespace DocStrange.Api.Tests;

/// <summary>
/// Which adapters the API suite runs on. By default the embedded ones; with
/// <c>DOCSTRANGE_TEST_MODE=distributed</c> (set by <c>script/test</c>, which starts the servers) the
/// same tests run on PostgreSQL, Redis and S3, each test host in its own schema, key prefix and
/// channel prefix so tests never see each other's data.
/// </summary>
public sealed class TestBackend
{
    private TestBackend(bool distributed) => Distributed = distributed;

    /// <summary>The backend chosen by the environment.</summary>
    public static TestBackend Current { get; } = new(Environment.GetEnvironmentVariable("DOCSTRANGE_TEST_MODE") == "distributed");

    /// <summary>Whether the distributed adapters are in use.</summary>
    public bool Distributed { get; }

    /// <summary>The settings for one isolated test host.</summary>
    public IReadOnlyDictionary<string, string> IsolatedSettings(string dataDirectory)
    {
        if (!Distributed) return new Dictionary<string, string> { ["DocStrange:Storage:DataDirectory"] = dataDirectory };
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var postgres = Required("DOCSTRANGE_TEST_POSTGRES");
        using (var connection = new NpgsqlConnection(postgres))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            command.ExecuteNonQuery();
        }
        return new Dictionary<string, string>
        {
            ["DocStrange:Mode"] = "distributed",
            ["DocStrange:Postgres:ConnectionString"] = $"{postgres};Search Path={name}",
            ["DocStrange:Redis:Configuration"] = Required("DOCSTRANGE_TEST_REDIS"),
            ["DocStrange:Redis:Prefix"] = name,
            ["DocStrange:S3:ServiceUrl"] = Required("DOCSTRANGE_TEST_S3"),
            ["DocStrange:S3:Bucket"] = "docstrange",
            ["DocStrange:S3:AccessKey"] = "S3RVER",
            ["DocStrange:S3:SecretKey"] = "S3RVER",
            ["DocStrange:S3:Prefix"] = name + "/",
        };
    }

    /// <summary>The keys stored for a test host, relative to its root (<c>jobs/&lt;id&gt;/result.md</c>).</summary>
    public IReadOnlyList<string> StoredKeys(IReadOnlyDictionary<string, string> settings)
    {
        if (!Distributed)
        {
            var root = Path.Combine(settings["DocStrange:Storage:DataDirectory"], "files");
            return Directory.Exists(root)
                ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))]
                : [];
        }
        var prefix = settings["DocStrange:S3:Prefix"];
        using var s3 = new AmazonS3Client("S3RVER", "S3RVER",
            new AmazonS3Config { ServiceURL = settings["DocStrange:S3:ServiceUrl"], ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var listing = s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "docstrange", Prefix = prefix }).GetAwaiter().GetResult();
        return [.. (listing.S3Objects ?? []).Select(o => o.Key[prefix.Length..])];
    }

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the distributed suite through script/test, which starts the servers.");
}
