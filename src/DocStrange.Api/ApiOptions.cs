namespace DocStrange.Api;

/// <summary>Settings of the HTTP API (configuration section <c>DocStrange:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Api";

    /// <summary>Size limit of one non-file form field, in bytes.</summary>
    public int MaxFieldBytes { get; set; } = 64 * 1024;

    /// <summary>The most multipart sections one upload may have.</summary>
    public int MaxSections { get; set; } = 100;
}
