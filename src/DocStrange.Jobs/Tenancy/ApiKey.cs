namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// An API key as it is stored: never its secret, only the secret's SHA-256 hash and a short prefix to
/// recognise it by. The id stays when the secret is rotated, so the key's jobs stay its own.
/// </summary>
public sealed record ApiKey
{
    /// <summary><c>key_</c> + random characters; the owner id of the key's jobs is <c>key:&lt;Id&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the key is for, as its creator named it.</summary>
    public required string Name { get; init; }

    /// <summary>Who holds it (a team, an e-mail address): free text, for people.</summary>
    public string? Owner { get; init; }

    /// <summary><see cref="Tiers.ApiKey"/> or <see cref="Tiers.Enterprise"/>.</summary>
    public required string Tier { get; init; }

    /// <summary>The first characters of the secret (<c>ds_live_AbCd</c>), safe to show.</summary>
    public required string Prefix { get; init; }

    /// <summary>The lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Limits that take the place of the tier's, or null for the tier's own.</summary>
    public TierLimits? Limits { get; init; }

    /// <summary>When it was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops working, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When the secret was last replaced, or null.</summary>
    public DateTimeOffset? RotatedAt { get; init; }

    /// <summary>When it was last used, to about a minute (not written on every request).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>The owner id its jobs carry.</summary>
    public string OwnerId => OwnerIdOf(Id);

    /// <summary>The owner id of the jobs of key <paramref name="keyId"/>.</summary>
    public static string OwnerIdOf(string keyId) => "key:" + keyId;

    /// <summary>Whether it is expired at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary><c>active</c>, <c>revoked</c> or <c>expired</c> at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) => RevokedAt is not null ? "revoked" : IsExpired(now) ? "expired" : "active";
}
