using System.Runtime.InteropServices;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// Sets a process's CPU-time limit (<c>RLIMIT_CPU</c>, through <c>prlimit(2)</c>): past the soft limit
/// the kernel sends <c>SIGXCPU</c>, which ends a .NET process, and past the hard limit <c>SIGKILL</c>.
/// Processes it starts inherit the limit, each for its own time.
/// </summary>
internal static partial class CpuTimeLimit
{
    private const int RlimitCpu = 0;

    /// <summary>Limits <paramref name="pid"/> to <paramref name="seconds"/> of CPU time (hard limit a few seconds later); false when the kernel refused.</summary>
    public static bool TrySet(int pid, int seconds)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var limit = new RLimit { Current = (ulong)seconds, Maximum = (ulong)seconds + 5 };
        try
        {
            return prlimit(pid, RlimitCpu, in limit, IntPtr.Zero) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    // int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit); glibc 2.13+.
    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int prlimit(int pid, int resource, in RLimit newLimit, IntPtr oldLimit);
}
