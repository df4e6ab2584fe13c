using DocStrange.Document.Errors;

namespace DocStrange.Worker.Sandbox;

/// <summary>The <c>RESOURCE_LIMIT</c> errors of a conversion that went over its budget (never retried: the same document would again).</summary>
internal static class ResourceLimits
{
    /// <summary>The conversion needed more memory than the sandbox's budget.</summary>
    public static DocStrangeException Memory(int limitMb) => new(ErrorCode.ResourceLimit,
        $"The conversion needed more memory than a worker allows one document ({limitMb} MiB) and was stopped.",
        new Dictionary<string, object?> { ["limit"] = "memory", ["max_mb"] = limitMb });

    /// <summary>The conversion ran out of memory in the worker's own process (no sandbox): no budget to name.</summary>
    public static DocStrangeException MemoryInProcess() => new(ErrorCode.ResourceLimit,
        "The conversion ran out of memory and was stopped.",
        new Dictionary<string, object?> { ["limit"] = "memory" });

    /// <summary>The conversion used more CPU time than the sandbox's budget.</summary>
    public static DocStrangeException CpuTime(int seconds) => new(ErrorCode.ResourceLimit,
        $"The conversion used more CPU time than a worker allows one document ({seconds} s) and was stopped.",
        new Dictionary<string, object?> { ["limit"] = "cpu_time", ["max_seconds"] = seconds });
}
