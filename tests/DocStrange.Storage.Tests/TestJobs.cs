using DocStrange.Document.Files;
using DocStrange.Jobs.Model;
using DocStrange.Jobs.Ports;

namespace DocStrange.Storage.Tests;

/// <summary>Builds jobs for store tests.</summary>
internal static class TestJobs
{
    public static Job Pending(DateTimeOffset createdAt, JobPriority priority = JobPriority.Normal, string pool = Pools.Cpu, int maxRetries = 3)
    {
        var id = JobIds.New();
        return new Job
        {
            Id = id,
            State = JobState.Pending,
            Pool = pool,
            Options = new JobOptions { Priority = priority },
            Input = new JobInput("report.pdf", FileKind.Pdf, 1234, new string('a', 64), BlobKeys.Input(id)),
            MaxRetries = maxRetries,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(createdAt.ToUnixTimeMilliseconds()),
        };
    }
}
