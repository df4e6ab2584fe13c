using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DocStrange.Api.Security;

/// <summary>
/// Who the API trusts at its edge, who may call it from a browser, and the limits every request
/// meets (configuration section <c>DocStrange:Api</c>, next to <see cref="ApiOptions"/>).
/// </summary>
public sealed class HardeningOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Api";

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed
    /// (an entry may hold several, comma-separated). None by default: the socket's address counts.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of trusted reverse proxies, comma-separated like <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Cross-origin access from browsers.</summary>
    public CorsSettings Cors { get; set; } = new();

    /// <summary>The <c>max-age</c> of <c>Strict-Transport-Security</c>, sent on HTTPS requests only; zero sends none.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The largest JSON request body, in bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The proxies' addresses, parsed.</summary>
    public IReadOnlyList<IPAddress> ProxyAddresses() => [.. Entries(KnownProxies).Select(IPAddress.Parse)];

    /// <summary>The proxies' networks, parsed.</summary>
    public IReadOnlyList<IPNetwork> ProxyNetworks() => [.. Entries(KnownNetworks).Select(IPNetwork.Parse)];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in Entries(KnownProxies).Where(e => !IPAddress.TryParse(e, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: '{entry}' is not an IP address.", [nameof(KnownProxies)]);
        }
        foreach (var entry in Entries(KnownNetworks).Where(e => !IPNetwork.TryParse(e, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownNetworks: '{entry}' is not a network in CIDR form (e.g. 10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
        foreach (var entry in Entries(Cors.AllowedOrigins))
        {
            if (CorsSettings.Problem(entry) is { } problem)
            {
                yield return new ValidationResult($"{Section}:Cors:AllowedOrigins: {problem}", ["Cors.AllowedOrigins"]);
            }
        }
        if (HstsMaxAge < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:HstsMaxAge must not be negative.", [nameof(HstsMaxAge)]);
        }
        if (MaxJsonBodyBytes < 1024)
        {
            yield return new ValidationResult($"{Section}:MaxJsonBodyBytes must be at least 1024.", [nameof(MaxJsonBodyBytes)]);
        }
    }

    /// <summary>The entries of a list whose items may each hold several, comma-separated values.</summary>
    internal static IEnumerable<string> Entries(IEnumerable<string> items) =>
        items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The CORS allow-list (<c>DocStrange:Api:Cors</c>).</summary>
public sealed class CorsSettings
{
    /// <summary>Origins allowed to call the API from a browser, exactly (<c>https://app.example.com</c>); <c>*</c> is refused. Empty: none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The allowed origins, normalised to <c>scheme://host[:port]</c>.</summary>
    public IReadOnlyList<string> Origins() => [.. HardeningOptions.Entries(AllowedOrigins).Select(o => o.TrimEnd('/'))];

    /// <summary>What is wrong with one configured origin, or null when it is an exact origin.</summary>
    internal static string? Problem(string origin)
    {
        if (origin.Contains('*')) return $"'{origin}' is a wildcard; list each origin exactly (e.g. https://app.example.com).";
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"'{origin}' is not an origin: give scheme, host and optional port only (e.g. https://app.example.com).";
        }
        return null;
    }
}
