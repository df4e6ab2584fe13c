using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DocStrange.Api.Intake;

/// <summary>How <c>POST /documents/from-url</c> downloads (configuration section <c>DocStrange:FromUrl</c>).</summary>
public sealed class FromUrlOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:FromUrl";

    /// <summary>Whether the route is offered at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When not empty, the only hosts downloaded from: exact names, or <c>*.example.com</c> for its subdomains.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Private networks (CIDR, e.g. <c>10.20.0.0/16</c>) that may be downloaded from, for intranet sources; public addresses are always allowed.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>How long one connection may take to open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the whole download (every redirect, the whole body) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed before the download is given up.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The allowed networks, parsed.</summary>
    public IReadOnlyList<IPNetwork> Networks() => [.. AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network.Trim(), out _))
            {
                yield return new ValidationResult($"'{network}' is not a network in CIDR form such as 10.20.0.0/16.", [nameof(AllowedNetworks)]);
            }
        }
        foreach (var host in AllowedHosts)
        {
            var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(name) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult($"'{host}' is not a host name (or *.domain).", [nameof(AllowedHosts)]);
            }
        }
    }
}
