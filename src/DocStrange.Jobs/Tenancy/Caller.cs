namespace DocStrange.Jobs.Tenancy;

/// <summary>
/// Who is making a request, resolved once per request: the owner id its jobs carry (a caller sees
/// only jobs with its own owner id), its tier and the limits that hold for it.
/// </summary>
/// <param name="OwnerId">The tenant: <c>key:&lt;key id&gt;</c> for an API key, <c>ip:&lt;address&gt;</c> for an anonymous caller, <c>admin</c> for the admin key on the admin routes.</param>
/// <param name="Tier">One of <see cref="Tiers"/>.</param>
/// <param name="Limits">The tier's limits with the key's own overrides applied.</param>
/// <param name="KeyId">The API key's id, or null for an anonymous caller.</param>
public sealed record Caller(string OwnerId, string Tier, TierLimits Limits, string? KeyId = null)
{
    /// <summary>An anonymous caller from <paramref name="address"/> on the free tier.</summary>
    public static Caller Anonymous(string address, TierLimits limits) => new("ip:" + address, Tiers.Free, limits);

    /// <summary>Whether this caller may see <paramref name="ownerId"/>'s jobs: only its own.</summary>
    public bool Owns(string? ownerId) => string.Equals(ownerId, OwnerId, StringComparison.Ordinal);
}
