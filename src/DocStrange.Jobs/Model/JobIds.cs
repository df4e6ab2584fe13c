using System.Security.Cryptography;

namespace DocStrange.Jobs.Model;

/// <summary>Makes job ids: <c>job_</c> + 128 random bits in lower-case base 32, so ids cannot be guessed or enumerated.</summary>
public static class JobIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new id.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        chars[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        return string.Concat("job_", chars[..n]);
    }

    /// <summary>Whether the text has the shape of a job id (cheap check before touching the database).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 30 } && id.StartsWith("job_", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExcept(Alphabet) < 0;
}
