using System.ComponentModel.DataAnnotations;
using DocStrange.Document.Errors;

namespace DocStrange.Jobs.Tenancy;

/// <summary>What a new key should be.</summary>
/// <param name="Name">What it is for (1–100 characters).</param>
/// <param name="Owner">Who holds it (free text, up to 200 characters), or null.</param>
/// <param name="Tier"><see cref="Tiers.ApiKey"/> (the default) or <see cref="Tiers.Enterprise"/>.</param>
/// <param name="ExpiresAt">When it stops working (in the future), or null for never.</param>
/// <param name="Limits">Limits that take the place of the tier's, or null.</param>
public sealed record ApiKeyRequest(string Name, string? Owner = null, string? Tier = null, DateTimeOffset? ExpiresAt = null, TierLimits? Limits = null);

/// <summary>A key just made or rotated, with its secret: the only time the secret is known.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Makes and rotates keys for the admin routes and the <c>docstrange keys</c> command, so both check
/// a request the same way and neither ever stores a secret.
/// </summary>
public sealed class ApiKeyIssuer(IApiKeyStore store, TimeProvider time)
{
    /// <summary>Validates the request and stores a new key; bad input is <c>INVALID_REQUEST</c> naming the field.</summary>
    public async Task<IssuedApiKey> CreateAsync(ApiKeyRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 1 or > 100) throw Invalid("name", "'name' must be 1 to 100 characters.");
        var owner = string.IsNullOrWhiteSpace(request.Owner) ? null : request.Owner.Trim();
        if (owner is { Length: > 200 }) throw Invalid("owner", "'owner' must be at most 200 characters.");
        var tier = request.Tier ?? Tiers.ApiKey;
        if (tier is not (Tiers.ApiKey or Tiers.Enterprise)) throw Invalid("tier", $"'tier' must be {Tiers.ApiKey} or {Tiers.Enterprise}.");
        if (request.ExpiresAt <= now) throw Invalid("expires_at", "'expires_at' must be in the future.");
        if (request.Limits is { } limits)
        {
            var errors = new List<ValidationResult>();
            if (!Validator.TryValidateObject(limits, new ValidationContext(limits), errors, validateAllProperties: true))
            {
                throw Invalid("limits", "Every limit must be a whole number of at least 1 (or left out for the tier's own).");
            }
        }

        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey
        {
            Id = ApiKeySecrets.NewId(),
            Name = name,
            Owner = owner,
            Tier = tier,
            Prefix = ApiKeySecrets.PrefixOf(secret),
            SecretHash = ApiKeySecrets.Hash(secret),
            Limits = request.Limits,
            // The store keeps milliseconds; the answer shows what a later read will.
            CreatedAt = Millis(now),
            ExpiresAt = request.ExpiresAt is { } e ? Millis(e) : null,
        };
        await store.CreateAsync(key, cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>Gives an unrevoked key a new secret; null when there is no such key or it is revoked.</summary>
    public async Task<IssuedApiKey?> RotateAsync(string keyId, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.NewSecret();
        var rotated = await store.RotateAsync(keyId, ApiKeySecrets.Hash(secret), ApiKeySecrets.PrefixOf(secret), Millis(time.GetUtcNow()), cancellationToken);
        return rotated is null ? null : new IssuedApiKey(rotated, secret);
    }

    private static DateTimeOffset Millis(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private static DocStrangeException Invalid(string field, string message) =>
        new(ErrorCode.InvalidRequest, message, new Dictionary<string, object?> { ["field"] = field });
}
