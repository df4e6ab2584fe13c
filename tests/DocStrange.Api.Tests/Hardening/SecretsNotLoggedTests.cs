using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocStrange.Api.Tests.Hardening;

public sealed class SecretsNotLoggedTests
{
    private const string WebhookSecret = "whsec-Xq81SECRETwebhook";
    private const string AdminKey = "adm-Pz73SECRETadmin";
    private const string BearerKey = "ds_live_Kd92SECRETbearer";
    private const string HeaderKey = "ds_live_Mv55SECRETheader";
    private const string DocumentPassword = "doc-Tr44SECRETpassword";
    private const string S3Secret = "s3-Lw18SECRETs3";
    private const string PostgresPassword = "pg-Hn62SECRETpostgres";
    private const string RedisPassword = "redis-Bc39SECRETredis";

    [Fact]
    public async Task No_secret_from_configuration_or_requests_reaches_the_logs()
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "None",
            ["Logging:Debug:LogLevel:Default"] = "None",
            ["DocStrange:Webhooks:Secret"] = WebhookSecret,
            ["DocStrange:Webhooks:AllowPrivateTargets"] = "true",
            ["DocStrange:Security:AdminKey"] = AdminKey,
        };
        if (!TestBackend.Current.Distributed)
        {
            // Present but unused in the embedded mode: a dump of the configuration would still show them.
            settings["DocStrange:S3:SecretKey"] = S3Secret;
            settings["DocStrange:Postgres:ConnectionString"] = $"Host=db;Username=docstrange;Password={PostgresPassword}";
            settings["DocStrange:Redis:Configuration"] = $"redis:6379,password={RedisPassword}";
        }
        var secrets = new List<string> { WebhookSecret, AdminKey, BearerKey, HeaderKey, DocumentPassword, S3Secret, PostgresPassword, RedisPassword };

        string jobId;
        using (var factory = new ApiFactory(services: s => s.AddSingleton<ILoggerProvider>(logs), settings: settings))
        {
            // A real key, made with the admin key, for the requests that do work.
            var admin = factory.CreateClient();
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            var created = await (await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "logged" })).Content.ReadFromJsonAsync<JsonElement>();
            var key = created.GetProperty("key").GetString()!;
            secrets.Add(key);
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            // Unknown keys in either header are refused; they must not be logged either.
            var stranger = factory.CreateClient();
            stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerKey);
            await stranger.GetAsync("/api/v1/jobs");
            var other = factory.CreateClient();
            other.DefaultRequestHeaders.Add("X-API-Key", HeaderKey);
            await other.GetAsync("/api/v1/jobs");

            jobId = await client.SubmitAsync(ApiClient.TextForm(fields: [("password", DocumentPassword), ("webhook_url", "http://127.0.0.1:9/hook")]));
            await client.WaitFinalAsync(jobId);
            await client.GetAsync($"/api/v1/jobs/{jobId}/result");
            await client.GetAsync("/api/v1/jobs/job_aaaaaaaaaaaaaaaaaaaaaaaaaa");
            await client.PostAsync("/api/v1/documents", new StringContent("not a form"));
            await client.PostAsync("/api/v1/documents", ApiClient.Form("locked.pdf", "%PDF-1.7 broken"u8.ToArray(), ("password", DocumentPassword)));
            await client.GetAsync("/api/v1/health");
        }

        // The capture sees the requests' own entries (the job's id in its scope), so a leak there would show.
        Assert.Contains(logs.Entries, e => e.Contains(jobId, StringComparison.Ordinal));
        foreach (var entry in logs.Entries)
        {
            foreach (var secret in secrets) Assert.False(entry.Contains(secret, StringComparison.Ordinal), $"a secret appears in the log: {entry}");
        }
    }
}
