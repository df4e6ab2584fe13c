using System.Collections.Concurrent;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Auth;

/// <summary>
/// Turns a presented secret into the caller it stands for. Look-ups are kept for
/// <see cref="AuthOptions.KeyCacheTtl"/> so a busy key costs one query every few seconds, not one per
/// request; a revoke or rotate through this replica's admin routes is felt here at once, elsewhere
/// within that time. A key's last use is written at most about once a minute.
/// </summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore store, TiersOptions tiers, AuthOptions options, TimeProvider time,
    ILogger<ApiKeyAuthenticator> logger)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may get before a use is written.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // Random secrets could fill the cache; past this many entries it starts again.
    private const int MaxCachedKeys = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);

    /// <summary>Checks a secret; a database failure is thrown (an outage is a 503, never a 401).</summary>
    public async Task<KeyCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.IsWellFormed(secret)) return new KeyCheck(null, KeyRefusal.Malformed);
        var now = time.GetUtcNow();
        var hash = ApiKeySecrets.Hash(secret);
        ApiKey? key;
        if (_byHash.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            key = cached.Key;
        }
        else
        {
            key = await store.FindByHashAsync(hash, cancellationToken);
            if (options.KeyCacheTtl > TimeSpan.Zero)
            {
                if (_byHash.Count >= MaxCachedKeys) _byHash.Clear();
                _byHash[hash] = (key, now + options.KeyCacheTtl);
            }
        }

        if (key is null) return new KeyCheck(null, KeyRefusal.Unknown);
        if (key.RevokedAt is not null) return new KeyCheck(null, KeyRefusal.Revoked, key);
        if (key.IsExpired(now)) return new KeyCheck(null, KeyRefusal.Expired, key);
        await TouchAsync(key, now);
        var caller = new Caller(key.OwnerId, key.Tier, tiers.For(key.Tier).With(key.Limits), key.Id);
        return new KeyCheck(caller, null, key);
    }

    /// <summary>Drops what is cached about a key (after it was revoked or rotated here).</summary>
    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Key?.Id == keyId) _byHash.TryRemove(hash, out _);
        }
    }

    private async Task TouchAsync(ApiKey key, DateTimeOffset now)
    {
        var last = _touched.TryGetValue(key.Id, out var touched) && touched > (key.LastUsedAt ?? DateTimeOffset.MinValue) ? touched : key.LastUsedAt;
        if (last is { } l && now - l < LastUsedResolution) return;
        _touched[key.Id] = now;
        try
        {
            await store.TouchAsync(key.Id, now, now - LastUsedResolution, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A missed last-use time is not worth failing the caller's request over; the next minute writes it.
            logger.LogWarning(ex, "Could not record the use of API key {KeyId}", key.Id);
        }
    }
}
