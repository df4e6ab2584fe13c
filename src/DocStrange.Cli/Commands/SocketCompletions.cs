namespace DocStrange.Cli.Commands;

/// <summary>
/// Where the runtime runs the continuation of a socket read or write that completed: on the thread
/// pool (the runtime's default), or inline on the I/O thread that saw it complete.
/// </summary>
internal static class SocketCompletions
{
    /// <summary>The runtime's switch; only the exact value <c>1</c> turns inlining on.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline completions on for this process unless its environment already says either way.
    /// An API replica awaits everything on its request path (PostgreSQL, S3, Redis) and does no long
    /// work there, so the hop to the thread pool after every socket completion is pure cost: on two
    /// cores it is a thread woken and put back to sleep per hop. Must run before the first socket is
    /// used, because the runtime reads the switch once.
    /// </summary>
    public static void InlineUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null) Environment.SetEnvironmentVariable(Variable, "1");
    }
}
