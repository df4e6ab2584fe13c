namespace DocStrange.Cli.Progress;

/// <summary>Progress as plain lines (<c>docstrange: FILE: ...</c>), written when the stage or the tenth of the way changes; failures always.</summary>
internal sealed class LineProgressBoard(TextWriter writer, bool lines) : ProgressBoard
{
    private readonly Lock _gate = new();

    /// <summary>Whether progress and success lines are written, not only failures.</summary>
    private bool Lines => lines;

    public override Task RunAsync(Func<Task> work) => work();

    public override FileProgress Add(string name) => new Line(this, name);

    private void Write(string name, string text)
    {
        lock (_gate)
        {
            writer.WriteLine($"docstrange: {name}: {text}");
            writer.Flush();
        }
    }

    private sealed class Line(LineProgressBoard board, string name) : FileProgress
    {
        private string? _last;

        public override void Report(ProgressSnapshot snapshot)
        {
            // A line per stage and per tenth of the way: a log of a 300-page file stays short, and a repeated report adds nothing.
            var step = $"{snapshot.Stage} {snapshot.Percent / 10}";
            if (!board.Lines || Interlocked.Exchange(ref _last, step) == step) return;
            board.Write(name, snapshot.ToString());
        }

        public override void Succeed(string note)
        {
            if (board.Lines) board.Write(name, note);
        }

        public override void Fail(string reason) => board.Write(name, reason);
    }
}
