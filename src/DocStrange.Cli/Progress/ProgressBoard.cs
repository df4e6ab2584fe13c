namespace DocStrange.Cli.Progress;

/// <summary>
/// Shows the progress of several files on standard error, so that standard output keeps only results:
/// live bars on a terminal, plain lines otherwise (logs and pipes get no escape codes).
/// </summary>
internal abstract class ProgressBoard
{
    /// <summary>
    /// Live bars when standard error is a terminal; otherwise lines, where <paramref name="lines"/> is false
    /// keeps them to failures (one quiet file converted into a pipe stays as quiet as before).
    /// </summary>
    public static ProgressBoard ForStandardError(bool lines) =>
        IsTerminal ? new LiveProgressBoard() : new LineProgressBoard(Console.Error, lines);

    /// <summary>Whether standard error is a terminal that can redraw lines.</summary>
    public static bool IsTerminal => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Runs <paramref name="work"/> while the board is shown; failures said during it are all on standard error when it returns.</summary>
    public abstract Task RunAsync(Func<Task> work);

    /// <summary>A line for one file, added while <see cref="RunAsync"/> runs.</summary>
    public abstract FileProgress Add(string name);
}

/// <summary>The progress of one file on a <see cref="ProgressBoard"/>.</summary>
internal abstract class FileProgress
{
    public abstract void Report(ProgressSnapshot snapshot);

    /// <summary>The file is done; <paramref name="note"/> says what came of it (pages, where it was written).</summary>
    public abstract void Succeed(string note);

    /// <summary>The file failed; <paramref name="reason"/> is the error code and message.</summary>
    public abstract void Fail(string reason);
}
