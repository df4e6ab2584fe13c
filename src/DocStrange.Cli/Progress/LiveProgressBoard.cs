using System.Collections.Concurrent;
using Spectre.Console;

namespace DocStrange.Cli.Progress;

/// <summary>Spectre.Console progress bars on standard error, one per file; failures are printed below them when all are done.</summary>
internal sealed class LiveProgressBoard : ProgressBoard
{
    // Told, not detected: Spectre judges a terminal by stdout, which may be a pipe while stderr, where the bars go, is the terminal.
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
    });
    private readonly ConcurrentQueue<string> _failures = new();
    private ProgressContext? _context;

    public override async Task RunAsync(Func<Task> work)
    {
        try
        {
            await _console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    _context = context;
                    await work();
                });
        }
        finally
        {
            // Written after the live display has stopped redrawing, so no line is overdrawn.
            while (_failures.TryDequeue(out var failure)) await Console.Error.WriteLineAsync(failure);
        }
    }

    public override FileProgress Add(string name)
    {
        var context = _context ?? throw new InvalidOperationException("Add a file while the board runs.");
        return new Bar(this, name, context.AddTask(Markup.Escape(name), maxValue: 100));
    }

    private sealed class Bar(LiveProgressBoard board, string name, ProgressTask task) : FileProgress
    {
        public override void Report(ProgressSnapshot snapshot)
        {
            task.Description = Markup.Escape($"{name}  {snapshot}");
            task.Value = snapshot.Percent;
        }

        public override void Succeed(string note)
        {
            task.Description = Markup.Escape($"{name}  {note}");
            task.Value = 100;
            task.StopTask();
        }

        public override void Fail(string reason)
        {
            task.Description = $"[red]{Markup.Escape($"{name}  failed")}[/]";
            task.StopTask();
            board._failures.Enqueue($"docstrange: {name}: {reason}");
        }
    }
}
