using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocStrange.Jobs.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DocStrange.Api.Tests;

/// <summary>Who a request is: an API key's tenant, an anonymous caller, or a 401 saying why not.</summary>
public sealed class ApiKeyAuthTests : IDisposable
{
    private readonly ApiFactory _factory = new(withWorkers: false, settings: Tenants.Settings());

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string reason)
    {
        var problem = await ApiClient.ProblemAsync(response, 401, "INVALID_API_KEY");
        Assert.Equal(reason, problem.GetProperty("error").GetProperty("details").GetProperty("reason").GetString());
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        return problem;
    }

    [Fact]
    public async Task Without_a_key_the_caller_is_anonymous_when_that_is_allowed()
    {
        var client = _factory.CreateClient();
        var jobId = await client.SubmitAsync(ApiClient.TextForm());
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.Equal(jobId, Assert.Single(page.GetProperty("jobs").EnumerateArray()).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task A_key_in_either_header_makes_the_caller_its_tenant()
    {
        var (_, secret) = await _factory.CreateKeyAsync();
        var jobId = await _factory.WithKey(secret).SubmitAsync(ApiClient.TextForm());

        var byHeader = _factory.CreateClient();
        byHeader.DefaultRequestHeaders.Add("X-API-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await byHeader.GetAsync($"/api/v1/jobs/{jobId}")).StatusCode);
        // The anonymous caller is another tenant.
        await ApiClient.ProblemAsync(await _factory.CreateClient().GetAsync($"/api/v1/jobs/{jobId}"), 404, "JOB_NOT_FOUND");
    }

    [Fact]
    public async Task A_malformed_or_unknown_key_is_refused_without_echoing_it()
    {
        var garbage = "not-a-key-" + Guid.NewGuid();
        var problem = await RefusedAsync(await _factory.WithKey(garbage).GetAsync("/api/v1/jobs"), "malformed");
        Assert.DoesNotContain(garbage, problem.ToString());

        var unknown = ApiKeySecrets.NewSecret();
        problem = await RefusedAsync(await _factory.WithKey(unknown).GetAsync("/api/v1/jobs"), "unknown");
        Assert.DoesNotContain(unknown, problem.ToString());

        var basic = _factory.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        await RefusedAsync(await basic.GetAsync("/api/v1/jobs"), "malformed");

        var twoKeys = _factory.WithKey(ApiKeySecrets.NewSecret());
        twoKeys.DefaultRequestHeaders.Add("X-API-Key", ApiKeySecrets.NewSecret());
        await RefusedAsync(await twoKeys.GetAsync("/api/v1/jobs"), "malformed");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var (id, secret) = await _factory.CreateKeyAsync();
        var client = _factory.WithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/jobs")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _factory.Admin().DeleteAsync($"/api/v1/admin/keys/{id}")).StatusCode);
        await RefusedAsync(await client.GetAsync("/api/v1/jobs"), "revoked");
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var secret = ApiKeySecrets.NewSecret();
        var store = _factory.Services.GetRequiredService<IApiKeyStore>();
        await store.CreateAsync(new ApiKey
        {
            Id = ApiKeySecrets.NewId(), Name = "old", Tier = Tiers.ApiKey, Prefix = ApiKeySecrets.PrefixOf(secret),
            SecretHash = ApiKeySecrets.Hash(secret), CreatedAt = DateTimeOffset.UtcNow.AddDays(-2), ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        }, default);

        var problem = await RefusedAsync(await _factory.WithKey(secret).GetAsync("/api/v1/jobs"), "expired");
        Assert.Contains("expired", problem.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_keys_use_is_recorded()
    {
        var (id, secret) = await _factory.CreateKeyAsync();
        await _factory.WithKey(secret).GetAsync("/api/v1/jobs");
        var key = await _factory.Services.GetRequiredService<IApiKeyStore>().GetAsync(id, default);
        Assert.NotNull(key?.LastUsedAt);
    }

    [Fact]
    public async Task A_keys_caller_has_its_tier_and_the_keys_limits_over_the_tiers()
    {
        var (id, secret) = await _factory.CreateKeyAsync(body: new { name = "big", tier = "enterprise", limits = new { max_pages = 7 } });
        var (_, plain) = await _factory.CreateKeyAsync();
        var authenticator = _factory.Services.GetRequiredService<DocStrange.Api.Auth.ApiKeyAuthenticator>();
        var tiers = _factory.Services.GetRequiredService<TiersOptions>();

        var caller = (await authenticator.CheckAsync(secret, default)).Caller!;
        Assert.Equal(("key:" + id, Tiers.Enterprise, id), (caller.OwnerId, caller.Tier, caller.KeyId));
        Assert.Equal(tiers.Enterprise.With(new TierLimits { MaxPages = 7 }), caller.Limits);
        Assert.Equal(7, caller.Limits.MaxPages);
        var other = (await authenticator.CheckAsync(plain, default)).Caller!;
        Assert.Equal((Tiers.ApiKey, tiers.ApiKey), (other.Tier, other.Limits));
    }

    [Fact]
    public async Task Without_anonymous_access_a_key_is_required_but_health_docs_and_the_page_stay_open()
    {
        using var factory = new ApiFactory(withWorkers: false, settings: Tenants.Settings(("DocStrange:Tiers:AllowAnonymous", "false")));
        var anonymous = factory.CreateClient();
        var problem = await RefusedAsync(await anonymous.GetAsync("/api/v1/jobs"), "missing");
        Assert.Contains("required", problem.GetProperty("error").GetProperty("message").GetString());
        await RefusedAsync(await anonymous.PostAsync("/api/v1/documents", ApiClient.TextForm()), "missing");

        foreach (var open in new[] { "/api/v1/health/live", "/api/v1/health", "/", "/app.js", "/openapi/v1.json", "/docs/errors" })
        {
            var response = await anonymous.GetAsync(open);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{open} answered {(int)response.StatusCode}");
        }

        var (_, secret) = await factory.CreateKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await factory.WithKey(secret).GetAsync("/api/v1/jobs")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
