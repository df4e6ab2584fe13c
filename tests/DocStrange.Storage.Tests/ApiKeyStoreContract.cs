using DocStrange.Jobs.Tenancy;
using DocStrange.Storage.Sql;
using Microsoft.Extensions.Time.Testing;

namespace DocStrange.Storage.Tests;

/// <summary>What the API key table must do, whatever its database. Each adapter's test class says how to make a fresh, migrated store.</summary>
public abstract class ApiKeyStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A migrated, empty job store whose database holds the keys.</summary>
    protected abstract Task<SqlJobStore> OpenStoreAsync();

    private async Task<(SqlApiKeyStore Keys, ApiKeyIssuer Issuer)> KeysAsync()
    {
        var keys = new SqlApiKeyStore(await OpenStoreAsync());
        return (keys, new ApiKeyIssuer(keys, Clock));
    }

    [Fact]
    public async Task A_created_key_is_found_by_its_secrets_hash_only()
    {
        var (keys, issuer) = await KeysAsync();
        var limits = new TierLimits { RequestsPerMinute = 5, MaxPages = 9 };
        var issued = await issuer.CreateAsync(new ApiKeyRequest("ci", "team-a@example.com", Tiers.Enterprise, Clock.GetUtcNow().AddDays(30), limits), default);

        Assert.True(ApiKeySecrets.IsWellFormed(issued.Secret));
        var found = await keys.FindByHashAsync(ApiKeySecrets.Hash(issued.Secret), default);
        Assert.Equal(issued.Key, found);
        Assert.Equal("ci", found!.Name);
        Assert.Equal("team-a@example.com", found.Owner);
        Assert.Equal(Tiers.Enterprise, found.Tier);
        Assert.Equal(limits, found.Limits);
        Assert.Equal(issued.Secret[..12], found.Prefix);
        Assert.Null(found.LastUsedAt);
        Assert.Null(await keys.FindByHashAsync(ApiKeySecrets.Hash(ApiKeySecrets.NewSecret()), default));
        Assert.Equal(found, await keys.GetAsync(found.Id, default));
    }

    [Fact]
    public async Task Keys_list_newest_first_and_hold_only_hashes()
    {
        var (keys, issuer) = await KeysAsync();
        var first = await issuer.CreateAsync(new ApiKeyRequest("first"), default);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await issuer.CreateAsync(new ApiKeyRequest("second"), default);

        var listed = await keys.ListAsync(default);
        Assert.Equal([second.Key.Id, first.Key.Id], listed.Select(k => k.Id));
        Assert.Equal([ApiKeySecrets.Hash(second.Secret), ApiKeySecrets.Hash(first.Secret)], listed.Select(k => k.SecretHash));
    }

    [Fact]
    public async Task Revoking_keeps_the_first_revocation_time_and_unknown_ids_are_null()
    {
        var (keys, issuer) = await KeysAsync();
        var issued = await issuer.CreateAsync(new ApiKeyRequest("to revoke"), default);
        var at = Clock.GetUtcNow();

        Assert.Equal(at, (await keys.RevokeAsync(issued.Key.Id, at, default))?.RevokedAt);
        Assert.Equal(at, (await keys.RevokeAsync(issued.Key.Id, at.AddMinutes(5), default))?.RevokedAt);
        Assert.Equal(at, (await keys.FindByHashAsync(issued.Key.SecretHash, default))?.RevokedAt);
        Assert.Null(await keys.RevokeAsync(ApiKeySecrets.NewId(), at, default));
    }

    [Fact]
    public async Task Rotating_replaces_the_secret_in_place_and_a_revoked_key_cannot_be_rotated()
    {
        var (keys, issuer) = await KeysAsync();
        var issued = await issuer.CreateAsync(new ApiKeyRequest("rotating"), default);

        var rotated = await issuer.RotateAsync(issued.Key.Id, default);
        Assert.NotNull(rotated);
        Assert.Equal(issued.Key.Id, rotated.Key.Id);
        Assert.NotEqual(issued.Secret, rotated.Secret);
        Assert.Null(await keys.FindByHashAsync(ApiKeySecrets.Hash(issued.Secret), default));
        Assert.Equal(issued.Key.Id, (await keys.FindByHashAsync(ApiKeySecrets.Hash(rotated.Secret), default))?.Id);
        Assert.Equal(rotated.Secret[..12], rotated.Key.Prefix);

        await keys.RevokeAsync(issued.Key.Id, Clock.GetUtcNow(), default);
        Assert.Null(await issuer.RotateAsync(issued.Key.Id, default));
        Assert.Null(await issuer.RotateAsync(ApiKeySecrets.NewId(), default));
    }

    [Fact]
    public async Task A_use_is_recorded_at_most_once_per_window()
    {
        var (keys, issuer) = await KeysAsync();
        var issued = await issuer.CreateAsync(new ApiKeyRequest("touched"), default);
        var t0 = Clock.GetUtcNow();

        await keys.TouchAsync(issued.Key.Id, t0, t0.AddMinutes(-1), default);
        await keys.TouchAsync(issued.Key.Id, t0.AddSeconds(30), t0.AddSeconds(-30), default);
        Assert.Equal(t0, (await keys.GetAsync(issued.Key.Id, default))?.LastUsedAt);
        await keys.TouchAsync(issued.Key.Id, t0.AddSeconds(61), t0.AddSeconds(1), default);
        Assert.Equal(t0.AddSeconds(61), (await keys.GetAsync(issued.Key.Id, default))?.LastUsedAt);
    }

    [Fact]
    public async Task Bad_requests_are_refused_before_anything_is_stored()
    {
        var (keys, issuer) = await KeysAsync();
        var requests = new[]
        {
            new ApiKeyRequest(""),
            new ApiKeyRequest(new string('n', 101)),
            new ApiKeyRequest("x", Tier: Tiers.Free),
            new ApiKeyRequest("x", Tier: "gold"),
            new ApiKeyRequest("x", ExpiresAt: Clock.GetUtcNow()),
            new ApiKeyRequest("x", Limits: new TierLimits { ConcurrentJobs = 0 }),
        };
        foreach (var request in requests)
        {
            var error = await Assert.ThrowsAsync<DocStrange.Document.Errors.DocStrangeException>(() => issuer.CreateAsync(request, default));
            Assert.Equal(DocStrange.Document.Errors.ErrorCode.InvalidRequest, error.Code);
        }
        Assert.Empty(await keys.ListAsync(default));
    }
}
