using System.Text.Json.Serialization;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Contracts;

/// <summary>An API key as the admin routes show it: never its secret, except <see cref="Key"/> right after it was made or rotated.</summary>
public sealed record ApiKeyView(
    string Id,
    string Name,
    string? Owner,
    string Tier,
    string Prefix,
    string Status,
    TierLimits? Limits,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RotatedAt,
    DateTimeOffset? LastUsedAt)
{
    /// <summary>The secret, only in the answer that made or rotated it: it cannot be read again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>The view of a stored key at <paramref name="now"/>.</summary>
    public static ApiKeyView From(ApiKey key, DateTimeOffset now) => new(key.Id, key.Name, key.Owner, key.Tier, key.Prefix, key.StatusAt(now),
        key.Limits, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.RotatedAt, key.LastUsedAt);
}

/// <summary>The keys, newest first.</summary>
public sealed record ApiKeyListView(IReadOnlyList<ApiKeyView> Keys);

/// <summary>The body of <c>POST /admin/keys</c>.</summary>
/// <param name="Name">What the key is for (required).</param>
/// <param name="Owner">Who holds it: a team, an e-mail address.</param>
/// <param name="Tier"><c>api_key</c> (default) or <c>enterprise</c>.</param>
/// <param name="ExpiresAt">When it stops working (ISO 8601, in the future); none by default.</param>
/// <param name="Limits">Limits that take the place of the tier's (any of requests_per_minute, documents_per_day, documents_per_month, concurrent_jobs, max_file_bytes, max_pages).</param>
public sealed record CreateApiKeyRequest(string? Name, string? Owner, string? Tier, DateTimeOffset? ExpiresAt, TierLimits? Limits);
