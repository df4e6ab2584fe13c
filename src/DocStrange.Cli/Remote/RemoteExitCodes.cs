namespace DocStrange.Cli.Remote;

/// <summary>The exit codes of the commands that talk to a server (documented in docs/cli.md).</summary>
internal static class RemoteExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Done = 0;

    /// <summary>A file was refused or its job failed or was cancelled (each said on stderr with its error code).</summary>
    public const int JobFailed = 1;

    /// <summary>A bad option value or a bad server URL.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached (refused, unknown host, timed out).</summary>
    public const int Unreachable = 3;

    /// <summary>The server answered with an error: a bad API key, an unknown job, a result not ready, ...</summary>
    public const int Refused = 4;

    /// <summary>Stopped by Ctrl+C (or SIGTERM), as a shell reports a process ended by SIGINT.</summary>
    public const int Stopped = 130;
}
