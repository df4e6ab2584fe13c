using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocStrange.Client;

/// <summary>
/// Checks the <c>DocStrange-Signature</c> header of a webhook delivery (SPEC §2 webhooks):
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>. Several <c>v1</c>
/// entries may be present while a secret is rotated; one match is enough.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The name of the header that carries the signature.</summary>
    public const string HeaderName = "DocStrange-Signature";

    /// <summary>The tolerance of <see cref="Verify(string, string, string)"/>: deliveries older or newer than this are refused.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the header signs <paramref name="body"/> with <paramref name="secret"/> within <see cref="DefaultTolerance"/> of now.</summary>
    public static bool Verify(string secret, string signatureHeader, string body) =>
        Verify(secret, signatureHeader, body, DefaultTolerance, DateTimeOffset.UtcNow);

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is well formed, its timestamp is within
    /// <paramref name="tolerance"/> of <paramref name="now"/>, and one of its <c>v1</c> signatures is the
    /// HMAC of <paramref name="body"/> (the raw request body, unchanged) under <paramref name="secret"/>.
    /// </summary>
    public static bool Verify(string secret, string signatureHeader, string body, TimeSpan tolerance, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        if (!TryParse(signatureHeader, out var timestamp, out var signatures)) return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > tolerance) return false;

        var expected = Compute(secret, timestamp, body);
        var matched = false;
        // Compare against every entry, so the time taken does not depend on which one matched.
        foreach (var signature in signatures) matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        return matched;
    }

    /// <summary>The header value that signs <paramref name="body"/> at <paramref name="timestamp"/>, e.g. to test a webhook handler.</summary>
    public static string Create(string secret, string body, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var seconds = timestamp.ToUnixTimeSeconds();
        return $"t={seconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(secret, seconds, body))}";
    }

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static byte[] Compute(string secret, long timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));

    /// <summary>Reads <c>t=…</c> (exactly one) and the <c>v1=…</c> entries (at least one, 64 hex digits each); other schemes are ignored.</summary>
    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrWhiteSpace(header)) return false;
        var seenTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) return false;
            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key == "t")
            {
                if (seenTimestamp || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp)
                    || timestamp > MaxUnixSeconds) return false;
                seenTimestamp = true;
            }
            else if (key == "v1")
            {
                if (value.Length != 64 || !IsHex(value)) return false;
                signatures.Add(Convert.FromHexString(value));
            }
        }
        return seenTimestamp && signatures.Count > 0;
    }

    private static bool IsHex(string value)
    {
        foreach (var c in value) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
