using System.ComponentModel.DataAnnotations;

namespace DocStrange.Jobs.Webhooks;

/// <summary>How webhooks are signed and delivered (configuration section <c>DocStrange:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Webhooks";

    /// <summary>The HMAC-SHA256 signing secret; without it, submissions with a <c>webhook_url</c> are refused.</summary>
    public string? Secret { get; set; }

    /// <summary>Allow targets that are not public: private, loopback, link-local and the other special-purpose networks, this server's own addresses (local use and tests only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Delivery attempts before a delivery is given up as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 15;

    /// <summary>The delay after the first failed attempt; later ones double, up to <see cref="MaxDelay"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts (the defaults retry for about a day).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The API's public address (e.g. <c>https://docs.example.com</c>), to make <c>result_url</c> absolute; relative when unset.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether a secret is set, so webhooks can be signed and sent.</summary>
    public bool Enabled => !string.IsNullOrEmpty(Secret);
}
