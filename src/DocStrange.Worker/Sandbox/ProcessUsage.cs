using System.Globalization;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// What a process and the processes it started use, read from Linux's <c>/proc</c>: resident memory
/// and CPU time (proc(5): <c>/proc/PID/stat</c> fields 14–17 utime, stime, cutime, cstime in clock
/// ticks, field 24 rss in pages; <c>/proc/PID/task/TID/children</c> for the children of each thread).
/// </summary>
internal readonly record struct ProcessUsage(long ResidentBytes, double CpuSeconds)
{
    /// <summary>
    /// Clock ticks per second of <c>/proc</c> times: the kernel reports them in USER_HZ, which is 100
    /// on every architecture .NET runs on Linux.
    /// </summary>
    private const double TicksPerSecond = 100;

    private static readonly long PageSize = Environment.SystemPageSize;

    /// <summary>One process alone; null when it is gone. CPU counts its threads and the children it has waited for.</summary>
    public static ProcessUsage? Of(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(text);
    }

    /// <summary>Parses a <c>/proc/PID/stat</c> line; the command name in parentheses may hold spaces and parentheses itself.</summary>
    public static ProcessUsage? Parse(string stat)
    {
        var end = stat.LastIndexOf(')');
        if (end < 0) return null;
        // After the name: field 3 (state) is index 0, so field N is index N - 3.
        var fields = stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 22) return null;
        long Field(int n) => long.TryParse(fields[n - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var ticks = Field(14) + Field(15) + Field(16) + Field(17);
        return new ProcessUsage(Field(24) * PageSize, ticks / TicksPerSecond);
    }

    /// <summary>A process and every live descendant together; null when the process itself is gone.</summary>
    public static ProcessUsage? OfTree(int pid, IReadOnlyCollection<int> descendants)
    {
        if (Of(pid) is not { } total) return null;
        foreach (var child in descendants)
        {
            if (Of(child) is { } usage) total = new ProcessUsage(total.ResidentBytes + usage.ResidentBytes, total.CpuSeconds + usage.CpuSeconds);
        }
        return total;
    }

    /// <summary>The live descendants of a process (children of every thread, recursively).</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var found = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0 && found.Count < 1000)
        {
            var parent = queue.Dequeue();
            string[] tasks;
            try
            {
                tasks = Directory.GetDirectories($"/proc/{parent}/task");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var task in tasks)
            {
                string children;
                try
                {
                    children = File.ReadAllText(Path.Combine(task, "children"));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var item in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var child) || found.Contains(child)) continue;
                    found.Add(child);
                    queue.Enqueue(child);
                }
            }
        }
        return found;
    }
}
