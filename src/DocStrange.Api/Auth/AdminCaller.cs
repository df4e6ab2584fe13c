using DocStrange.Jobs.Tenancy;

namespace DocStrange.Api.Auth;

/// <summary>
/// The caller of an admin route that presents the admin key. It has a request-rate bucket of its own
/// (not its address's), so anonymous traffic from the operator's address cannot lock the operator out;
/// it is rated like an ordinary API key. It owns no jobs: the admin routes only manage keys.
/// </summary>
internal static class AdminCaller
{
    /// <summary>The owner id (and rate bucket) of the admin; no API key or address owner id looks like it.</summary>
    public const string OwnerId = "admin";

    /// <summary>The admin, at the <see cref="Tiers.ApiKey"/> tier's limits.</summary>
    public static Caller For(TiersOptions tiers) => new(OwnerId, Tiers.ApiKey, tiers.For(Tiers.ApiKey));
}
