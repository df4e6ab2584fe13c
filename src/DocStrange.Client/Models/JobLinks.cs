namespace DocStrange.Client;

/// <summary>Server-relative paths for a job's routes.</summary>
public sealed record JobLinks
{
    /// <summary>The job itself (<c>GET /jobs/{id}</c>).</summary>
    public string Self { get; init; } = "";

    /// <summary>Its result as JSON.</summary>
    public string Result { get; init; } = "";

    /// <summary>Its result as a file.</summary>
    public string Download { get; init; } = "";

    /// <summary>Where to cancel it (<c>DELETE</c>).</summary>
    public string Cancel { get; init; } = "";
}
