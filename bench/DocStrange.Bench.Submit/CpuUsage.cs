using System.Diagnostics;

namespace DocStrange.Bench.Submit;

/// <summary>
/// How busy the machine was while the submissions ran, to tell noise from signal: the share of all
/// cores in use (from <c>/proc/stat</c>), the share used by this benchmark's own processes (the
/// client, DocStrange when started here, the floor), and the rest, used by everything else.
/// Shares are of the whole machine: 100 % means every core busy for the whole window.
/// </summary>
internal sealed record CpuUsage(double WallSeconds, double? MachineBusy, double Ours, double? Others)
{
    /// <summary>Starts a window; <see cref="Start.Stop"/> ends it.</summary>
    public static Start Begin(Func<TimeSpan> ourCpu) => new(ourCpu, Stopwatch.GetTimestamp(), ReadStat(), ourCpu());

    internal sealed record Start(Func<TimeSpan> OurCpu, long At, (long Total, long Idle)? Stat, TimeSpan Cpu)
    {
        public CpuUsage Stop()
        {
            var wall = Stopwatch.GetElapsedTime(At).TotalSeconds;
            var ours = wall > 0 ? (OurCpu() - Cpu).TotalSeconds / (wall * Environment.ProcessorCount) : 0;
            double? busy = null;
            if (Stat is { } before && ReadStat() is { } after && after.Total > before.Total)
            {
                busy = 1.0 - (double)(after.Idle - before.Idle) / (after.Total - before.Total);
            }
            return new CpuUsage(wall, busy, ours, busy is { } b ? Math.Max(0, b - ours) : null);
        }
    }

    /// <summary>All-CPU jiffies: total, and idle + iowait.</summary>
    private static (long Total, long Idle)? ReadStat()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            return (fields.Sum(), fields[3] + fields[4]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
