namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// The API keys, beside the jobs in the same database. Failures of the database surface as exceptions
/// (never as "no such key", which would turn an outage into 401s).
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key.</summary>
    Task CreateAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>The key whose secret hashes to <paramref name="secretHash"/>, revoked and expired ones included; null when none.</summary>
    Task<ApiKey?> FindByHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The key with this id, or null.</summary>
    Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key (a revoked key keeps its first revocation time); the key, or null when there is none.</summary>
    Task<ApiKey?> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the secret of a key that is not revoked, in place (same id, so its jobs stay its own);
    /// the old secret stops matching at once. The key, or null when there is no such unrevoked key.
    /// </summary>
    Task<ApiKey?> RotateAsync(string keyId, string secretHash, string prefix, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a use at <paramref name="at"/> unless one at or after <paramref name="notBefore"/> is recorded already.</summary>
    Task TouchAsync(string keyId, DateTimeOffset at, DateTimeOffset notBefore, CancellationToken cancellationToken);
}
