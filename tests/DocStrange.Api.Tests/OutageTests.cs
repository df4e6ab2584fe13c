using DocStrange.Server;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocStrange.Api.Tests;

/// <summary>
/// An API replica whose database, object store and Redis do not answer (ports nothing listens on):
/// it must say so with 503 and <c>Retry-After</c>, never with "not found", an empty list or a 500.
/// </summary>
public sealed class OutageTests : IDisposable
{
    private readonly WebApplicationFactory<ServerEntryPoint> _factory = new DeadDependencies();

    [Fact]
    public async Task Reads_answer_service_unavailable_with_retry_after_while_the_database_is_away()
    {
        var client = _factory.CreateClient();
        foreach (var url in new[] { "/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa", "/api/v1/jobs" })
        {
            var response = await client.GetAsync(url);
            await ApiClient.ProblemAsync(response, 503, "SERVICE_UNAVAILABLE");
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        }
    }

    [Fact]
    public async Task Health_is_unhealthy_and_readiness_fails_while_the_dependencies_are_away()
    {
        var client = _factory.CreateClient();
        var health = await client.GetAsync("/api/v1/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"unhealthy\"", body);
        Assert.Contains("database does not answer", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/v1/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/live")).StatusCode);
    }

    [Fact]
    public async Task Metrics_still_answer_and_show_the_dependencies_down()
    {
        var client = _factory.CreateClient();
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("docstrange_dependency_up{component=\"database\"} 0", text);
        Assert.Contains("docstrange_dependency_up{component=\"storage\"} 0", text);
        Assert.Contains("docstrange_dependency_up{component=\"redis\"} 0", text);
    }

    [Fact]
    public async Task A_submission_while_the_object_store_is_away_is_a_storage_error_and_makes_no_job()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/v1/documents", ApiClient.TextForm());
        var problem = await ApiClient.ProblemAsync(response, 503, "STORAGE_ERROR");
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Null(problem.GetProperty("job_id").GetString());
    }

    public void Dispose() => _factory.Dispose();

    private sealed class DeadDependencies : WebApplicationFactory<ServerEntryPoint>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("DocStrange:Mode", "distributed");
            builder.UseSetting("DocStrange:Postgres:ConnectionString", $"Host=127.0.0.1;Port={ClosedPort()};Username=x;Database=x;Timeout=2");
            builder.UseSetting("DocStrange:Postgres:MigrateOnStart", "false");
            // No tier limits: admission would ask the (dead) database first, and these tests are about each dependency's own failure.
            builder.UseSetting("DocStrange:Limits:Enabled", "false");
            builder.UseSetting("DocStrange:Redis:Configuration", $"127.0.0.1:{ClosedPort()},connectTimeout=200");
            builder.UseSetting("DocStrange:S3:ServiceUrl", $"http://127.0.0.1:{ClosedPort()}");
            builder.UseSetting("DocStrange:S3:Bucket", "docstrange");
            builder.UseSetting("DocStrange:S3:AccessKey", "x");
            builder.UseSetting("DocStrange:S3:SecretKey", "x");
        }

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
