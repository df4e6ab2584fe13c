using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Ports;

/// <summary>The number of jobs that share a state, a pool and a priority.</summary>
public sealed record JobCount(JobState State, string Pool, JobPriority Priority, long Count);
