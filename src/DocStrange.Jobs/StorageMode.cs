namespace DocStrange.Jobs;

/// <summary>The storage mode this process runs in (<c>embedded</c> or <c>distributed</c>), for <c>/system</c> and health.</summary>
public sealed record StorageMode(string Name);
