using System.Security.Cryptography;
using System.Text;

namespace DocStrange.Api.Auth;

/// <summary>
/// The configured admin key, read once at start, held as its SHA-256. Comparing the hashes of both
/// sides with a fixed-time compare leaks neither the key's length nor how much of it matched.
/// </summary>
public sealed class AdminKey(AuthOptions options)
{
    private readonly byte[]? _hash = options.ReadAdminKey() is { } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    /// <summary>Whether an admin key is configured (otherwise the admin routes are off).</summary>
    public bool Configured => _hash is not null;

    /// <summary>Whether <paramref name="presented"/> is the admin key.</summary>
    public bool Matches(string? presented) =>
        _hash is not null && presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
}
