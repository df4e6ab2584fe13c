using System.Security.Cryptography;
using System.Text;

namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// Makes and checks API key secrets: <c>ds_live_</c> + 32 base62 characters from the system's
/// cryptographic generator (about 190 random bits), stored only as their SHA-256. A fast hash is
/// enough here: the secret is random and long, so there is nothing to guess a dictionary against.
/// </summary>
public static class ApiKeySecrets
{
    /// <summary>What every secret starts with.</summary>
    public const string Scheme = "ds_live_";

    private const int SecretChars = 32;
    private const int IdChars = 20;
    private const int PrefixChars = 4;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A new secret.</summary>
    public static string NewSecret() => Scheme + RandomBase62(SecretChars);

    /// <summary>A new key id: <c>key_</c> + 20 base62 characters.</summary>
    public static string NewId() => "key_" + RandomBase62(IdChars);

    /// <summary>Whether the text has the shape of a secret (checked before any look-up).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 8 + SecretChars } && secret.StartsWith(Scheme, StringComparison.Ordinal) && secret.AsSpan(Scheme.Length).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>Whether the text has the shape of a key id.</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 4 + IdChars } && id.StartsWith("key_", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The part of a secret that may be shown: the scheme and the first four characters.</summary>
    public static string PrefixOf(string secret) => secret[..(Scheme.Length + PrefixChars)];

    private static string RandomBase62(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
