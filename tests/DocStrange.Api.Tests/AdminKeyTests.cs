using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocStrange.Api.Tests;

/// <summary>The admin routes: keys made, listed, revoked and rotated with the admin key, and nothing without it.</summary>
public sealed class AdminKeyTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false, settings: Tenants.Settings());

    [Fact]
    public async Task A_created_key_is_shown_once_and_listed_without_its_secret()
    {
        var admin = _factory.Admin();
        var response = await admin.PostAsJsonAsync("/api/v1/admin/keys", new
        {
            name = "billing export", owner = "billing@example.com", tier = "api_key", expires_at = DateTimeOffset.UtcNow.AddDays(30),
            limits = new { requests_per_minute = 30 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("key").GetString()!;
        Assert.Matches("^ds_live_[0-9A-Za-z]{32}$", secret);
        Assert.Matches("^key_", id);
        Assert.Equal($"/api/v1/admin/keys/{id}", response.Headers.Location?.ToString());
        Assert.Equal(secret[..12], created.GetProperty("prefix").GetString());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(30, created.GetProperty("limits").GetProperty("requests_per_minute").GetInt32());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/keys");
        var listed = Assert.Single(list.GetProperty("keys").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("billing@example.com", listed.GetProperty("owner").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(secret, list.ToString());
        Assert.DoesNotContain(secret[12..], list.ToString());
    }

    [Fact]
    public async Task Rotating_replaces_the_secret_and_the_key_keeps_its_jobs()
    {
        var (id, oldSecret) = await _factory.CreateKeyAsync();
        var jobId = await _factory.WithKey(oldSecret).SubmitAsync(ApiClient.TextForm());

        var response = await _factory.Admin().PostAsync($"/api/v1/admin/keys/{id}/rotate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, rotated.GetProperty("id").GetString());
        var newSecret = rotated.GetProperty("key").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotNull(rotated.GetProperty("rotated_at").GetString());

        var problem = await ApiClient.ProblemAsync(await _factory.WithKey(oldSecret).GetAsync("/api/v1/jobs"), 401, "INVALID_API_KEY");
        Assert.Equal("unknown", problem.GetProperty("error").GetProperty("details").GetProperty("reason").GetString());
        var client = _factory.WithKey(newSecret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Equal(jobId, Assert.Single(page.GetProperty("jobs").EnumerateArray()).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task Revoking_shows_the_key_revoked_and_a_revoked_key_cannot_be_rotated()
    {
        var (id, _) = await _factory.CreateKeyAsync();
        var admin = _factory.Admin();
        var revoked = await (await admin.DeleteAsync($"/api/v1/admin/keys/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.NotNull(revoked.GetProperty("revoked_at").GetString());
        await ApiClient.ProblemAsync(await admin.PostAsync($"/api/v1/admin/keys/{id}/rotate", null), 409, "INVALID_REQUEST");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/keys");
        Assert.Equal("revoked", Assert.Single(list.GetProperty("keys").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_keys_are_404_and_bad_requests_name_their_field()
    {
        var admin = _factory.Admin();
        await ApiClient.ProblemAsync(await admin.DeleteAsync("/api/v1/admin/keys/key_00000000000000000000"), 404, "INVALID_REQUEST");
        await ApiClient.ProblemAsync(await admin.PostAsync("/api/v1/admin/keys/nonsense/rotate", null), 404, "INVALID_REQUEST");

        var problem = await ApiClient.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name = "x", tier = "free" }), 400, "INVALID_REQUEST");
        Assert.Equal("tier", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        problem = await ApiClient.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/keys", new { owner = "nobody" }), 400, "INVALID_REQUEST");
        Assert.Equal("name", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        problem = await ApiClient.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/keys",
            new { name = "x", expires_at = DateTimeOffset.UtcNow.AddDays(-1) }), 400, "INVALID_REQUEST");
        Assert.Equal("expires_at", problem.GetProperty("error").GetProperty("details").GetProperty("field").GetString());
        await ApiClient.ProblemAsync(await admin.PostAsync("/api/v1/admin/keys", new StringContent("{not json", Encoding.UTF8, "application/json")),
            400, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Without_the_admin_key_the_admin_routes_answer_401()
    {
        var (_, secret) = await _factory.CreateKeyAsync();
        foreach (var client in new[] { _factory.CreateClient(), _factory.WithKey(secret), _factory.WithKey(Tenants.AdminKey + "x") })
        {
            await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/admin/keys"), 401, "INVALID_API_KEY");
            await ApiClient.ProblemAsync(await client.PostAsJsonAsync("/api/v1/admin/keys", new { name = "sneaky" }), 401, "INVALID_API_KEY");
        }
        var list = await _factory.Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/keys");
        Assert.Single(list.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task With_no_admin_key_configured_the_admin_routes_are_off()
    {
        using var factory = new ApiFactory(withWorkers: false);
        var problem = await ApiClient.ProblemAsync(await factory.WithKey(Tenants.AdminKey).GetAsync("/api/v1/admin/keys"), 401, "INVALID_API_KEY");
        Assert.Equal("admin_disabled", problem.GetProperty("error").GetProperty("details").GetProperty("reason").GetString());
        Assert.Contains("disabled", problem.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_admin_key_can_come_from_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "  file-admin-key-0123456789abcdef\n");
            using var factory = new ApiFactory(withWorkers: false, settings: new Dictionary<string, string> { ["DocStrange:Security:AdminKeyFile"] = file });
            Assert.Equal(HttpStatusCode.OK, (await factory.WithKey("file-admin-key-0123456789abcdef").GetAsync("/api/v1/admin/keys")).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("DocStrange:Security:AdminKey", "too-short")]
    [InlineData("DocStrange:Security:AdminKeyFile", "/nonexistent/docstrange-admin-key")]
    [InlineData("DocStrange:Security:KeyCacheTtl", "01:00:00")]
    public void A_bad_security_setting_stops_the_start_without_printing_the_key(string key, string value)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ApiFactory.Start(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key.Split(':')[^1], error.Message);
        if (key.EndsWith("AdminKey", StringComparison.Ordinal)) Assert.DoesNotContain(value, error.Message);
    }

    public void Dispose() => _factory.Dispose();
}
