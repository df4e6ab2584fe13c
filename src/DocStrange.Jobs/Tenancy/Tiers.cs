namespace DocStrange.Jobs.Tenancy;

/// <summary>The names of the tiers (SPEC §5).</summary>
public static class Tiers
{
    /// <summary>Callers without a key, limited per client IP address.</summary>
    public const string Free = "free";

    /// <summary>Callers with an ordinary API key.</summary>
    public const string ApiKey = "api_key";

    /// <summary>Callers with an enterprise key: unlimited unless the key sets limits.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>Whether <paramref name="name"/> is one of the tiers.</summary>
    public static bool IsKnown(string name) => name is Free or ApiKey or Enterprise;
}
