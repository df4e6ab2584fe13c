using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace DocStrange.SystemTests;

/// <summary>
/// A distributed deployment in miniature for one test: real `docstrange api` and `docstrange worker`
/// processes over the PostgreSQL, Redis and S3 servers that script/test started, in a schema and key
/// prefix of the test's own.
/// </summary>
internal sealed class Cluster : IDisposable
{
    private readonly List<ServiceProcess> _processes = [];

    public Cluster(string? postgres = null, string? s3 = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var name = "sys_" + Guid.NewGuid().ToString("N")[..12];
        postgres ??= Required("DOCSTRANGE_TEST_POSTGRES");
        using (var connection = new NpgsqlConnection(postgres))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            command.ExecuteNonQuery();
        }
        Environment = new Dictionary<string, string>
        {
            ["DOCSTRANGE__MODE"] = "distributed",
            ["DOCSTRANGE__POSTGRES__CONNECTIONSTRING"] = $"{postgres};Search Path={name}",
            ["DOCSTRANGE__REDIS__CONFIGURATION"] = Required("DOCSTRANGE_TEST_REDIS"),
            ["DOCSTRANGE__REDIS__PREFIX"] = name,
            ["DOCSTRANGE__S3__SERVICEURL"] = s3 ?? Required("DOCSTRANGE_TEST_S3"),
            ["DOCSTRANGE__S3__BUCKET"] = "docstrange",
            ["DOCSTRANGE__S3__ACCESSKEY"] = "S3RVER",
            ["DOCSTRANGE__S3__SECRETKEY"] = "S3RVER",
            ["DOCSTRANGE__S3__PREFIX"] = name + "/",
            // Short leases so a killed worker's job comes back within seconds.
            ["DOCSTRANGE__WORKER__LEASEDURATION"] = "00:00:03",
            ["DOCSTRANGE__WORKER__RESCUEINTERVAL"] = "00:00:00.500",
            // A killed worker may have led maintenance: another takes over within seconds too.
            ["DOCSTRANGE__WORKER__LEADERSHIPDURATION"] = "00:00:03",
            ["DOCSTRANGE__WORKER__POLLINTERVAL"] = "00:00:00.500",
            // The tests are one anonymous caller making many requests and long documents: no tier limit in the way.
            ["DOCSTRANGE__LIMITS__ENABLED"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) ((Dictionary<string, string>)Environment)[key] = value;
        var port = FreePort();
        ApiUrl = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = ApiUrl, Timeout = TimeSpan.FromSeconds(90) };
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public Uri ApiUrl { get; }

    public HttpClient Http { get; }

    public ServiceProcess StartApi() => Track(ServiceProcess.Start(Environment, "api", "--urls", ApiUrl.ToString().TrimEnd('/')));

    public ServiceProcess StartWorker() => Track(ServiceProcess.Start(Environment, "worker", "--slots", "1"));

    /// <summary>Waits (bounded) until the API answers ready.</summary>
    public async Task WaitReadyAsync(ServiceProcess api)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await Http.GetAsync("api/v1/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API did not become ready:\n{api.Output}");
    }

    public async Task<JsonElement> GetJobAsync(string jobId, int wait = 0) =>
        await Http.GetFromJsonAsync<JsonElement>($"api/v1/jobs/{jobId}?wait={wait}");

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Required(string variable) => System.Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the system tests through script/test, which starts the servers.");

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        Http.Dispose();
    }
}
