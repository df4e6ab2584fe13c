namespace DocStrange.Api.Contracts;

/// <summary>One page of the caller's jobs, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next.</summary>
public sealed record JobListView(IReadOnlyList<JobView> Jobs, string? NextCursor, bool HasMore);
