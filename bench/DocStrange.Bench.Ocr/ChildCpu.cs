using System.Runtime.InteropServices;

namespace DocStrange.Bench.Ocr;

/// <summary>CPU time (user + system) of this process's finished children, from <c>getrusage(RUSAGE_CHILDREN)</c>.</summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>Seconds of CPU all waited-for children have used so far.</summary>
    public static double Seconds()
    {
        var usage = new long[18];
        if (getrusage(RusageChildren, usage) != 0) return double.NaN;
        // struct rusage starts with ru_utime and ru_stime, each { tv_sec, tv_usec } of 64-bit longs.
        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    [LibraryImport("libc.so.6")]
    private static partial int getrusage(int who, [Out] long[] usage);
}
