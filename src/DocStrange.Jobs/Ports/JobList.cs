using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>A page of the job list: filter by owner and state, continue after a cursor.</summary>
public sealed record JobListQuery(string? OwnerId = null, JobState? State = null, string? Cursor = null, int Limit = 20);

/// <summary>One page of jobs, and the cursor of the next page when there is one.</summary>
public sealed record JobListPage(IReadOnlyList<Job> Items, string? NextCursor);
