using System.ComponentModel.DataAnnotations;

namespace DocStrange.Storage.Redis;

/// <summary>Redis of the distributed mode: signals only, never the truth about a job (configuration section <c>DocStrange:Redis</c>).</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</summary>
    [Required]
    public string Configuration { get; set; } = "";

    /// <summary>The prefix of every channel and key, to share a Redis between deployments.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.:-]{1,64}$")]
    public string Prefix { get; set; } = "docstrange";
}
