using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Auth;

/// <summary>Why a presented key was refused.</summary>
public enum KeyRefusal
{
    /// <summary>Not shaped like a key (or sent in a way that cannot be read as one).</summary>
    Malformed,

    /// <summary>Shaped right, but no key has this secret (never made, or rotated away).</summary>
    Unknown,

    /// <summary>The key was revoked.</summary>
    Revoked,

    /// <summary>The key passed its expiry.</summary>
    Expired,
}

/// <summary>The outcome of checking a key: the caller it stands for, or why it was refused.</summary>
public sealed record KeyCheck(Caller? Caller, KeyRefusal? Refusal, ApiKey? Key = null);
