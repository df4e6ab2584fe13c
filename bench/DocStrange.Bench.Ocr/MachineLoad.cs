namespace DocStrange.Bench.Ocr;

/// <summary>How busy all cores were over a window (from <c>/proc/stat</c>), to tell a run on a quiet machine from one on a shared, busy one.</summary>
internal static class MachineLoad
{
    /// <summary>Starts a window.</summary>
    public static Window Begin() => new(Read());

    internal sealed record Window((long Total, long Idle) Start)
    {
        /// <summary>The share of all cores in use since <see cref="Begin"/>, by every process; NaN when unknown.</summary>
        public double Stop()
        {
            var end = Read();
            return end.Total > Start.Total ? 1.0 - (double)(end.Idle - Start.Idle) / (end.Total - Start.Total) : double.NaN;
        }
    }

    private static (long Total, long Idle) Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            return (fields.Sum(), fields[3] + fields[4]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (0, 0);
        }
    }
}
