using Dapper;
using DocStrange.Jobs.Tenancy;

namespace DocStrange.Storage.Sql;

/// <summary>
/// The <c>api_keys</c> table, beside the jobs (SQLite and PostgreSQL alike). Rotation and revocation
/// are single conditional updates, so two admins racing cannot bring a revoked key back.
/// </summary>
public sealed class SqlApiKeyStore(SqlJobStore store) : IApiKeyStore
{
    /// <inheritdoc />
    public async Task CreateAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO api_keys (id, name, owner, tier, prefix, secret_hash, limits, created_at, expires_at, revoked_at, rotated_at, last_used_at)
            VALUES (@Id, @Name, @Owner, @Tier, @Prefix, @SecretHash, @limits, @created, @expires, NULL, NULL, NULL)
            """, new
        {
            key.Id, key.Name, key.Owner, key.Tier, key.Prefix, key.SecretHash,
            limits = key.Limits is null ? null : StorageJson.Write(key.Limits),
            created = key.CreatedAt.ToUnixTimeMilliseconds(),
            expires = key.ExpiresAt?.ToUnixTimeMilliseconds(),
        });
    }

    /// <inheritdoc />
    public async Task<ApiKey?> FindByHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"SELECT {TableColumns.ApiKeys} FROM api_keys WHERE secret_hash = @secretHash", new { secretHash }))?.ToKey();
    }

    /// <inheritdoc />
    public async Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"SELECT {TableColumns.ApiKeys} FROM api_keys WHERE id = @keyId", new { keyId }))?.ToKey();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>($"SELECT {TableColumns.ApiKeys} FROM api_keys ORDER BY created_at DESC, id DESC");
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <inheritdoc />
    public async Task<ApiKey?> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            $"UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @keyId RETURNING {TableColumns.ApiKeys}",
            new { keyId, at = at.ToUnixTimeMilliseconds() }))?.ToKey();
    }

    /// <inheritdoc />
    public async Task<ApiKey?> RotateAsync(string keyId, string secretHash, string prefix, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(
            $"UPDATE api_keys SET secret_hash = @secretHash, prefix = @prefix, rotated_at = @at WHERE id = @keyId AND revoked_at IS NULL RETURNING {TableColumns.ApiKeys}",
            new { keyId, secretHash, prefix, at = at.ToUnixTimeMilliseconds() }))?.ToKey();
    }

    /// <inheritdoc />
    public async Task TouchAsync(string keyId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // The condition makes replicas that touch the same key in the same minute write once between them.
        await connection.ExecuteAsync(
            "UPDATE api_keys SET last_used_at = @at WHERE id = @keyId AND (last_used_at IS NULL OR last_used_at < @notBefore)",
            new { keyId, at = at.ToUnixTimeMilliseconds(), notBefore = notBefore.ToUnixTimeMilliseconds() });
    }

    /// <summary>A key as its table stores it: times as Unix milliseconds, limits as JSON.</summary>
    private sealed class ApiKeyRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Owner { get; set; }
        public string Tier { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string SecretHash { get; set; } = "";
        public string? Limits { get; set; }
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? RevokedAt { get; set; }
        public long? RotatedAt { get; set; }
        public long? LastUsedAt { get; set; }

        public ApiKey ToKey() => new()
        {
            Id = Id, Name = Name, Owner = Owner, Tier = Tier, Prefix = Prefix, SecretHash = SecretHash,
            Limits = StorageJson.ReadOrNull<TierLimits>(Limits),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            ExpiresAt = Time(ExpiresAt), RevokedAt = Time(RevokedAt), RotatedAt = Time(RotatedAt), LastUsedAt = Time(LastUsedAt),
        };

        private static DateTimeOffset? Time(long? millis) => millis is { } m ? DateTimeOffset.FromUnixTimeMilliseconds(m) : null;
    }
}
