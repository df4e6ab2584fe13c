using System.Diagnostics;
using System.Globalization;

namespace DocStrange.Cli.Progress;

/// <summary>Counts what a run of several files did, for the one summary line at its end.</summary>
internal sealed class RunSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _converted;
    private int _failed;
    private long _pages;

    public int Failed => Volatile.Read(ref _failed);

    public void Converted(int pages)
    {
        Interlocked.Increment(ref _converted);
        Interlocked.Add(ref _pages, pages);
    }

    public void Failure() => Interlocked.Increment(ref _failed);

    /// <summary>e.g. <c>docstrange: 3 files: 2 converted, 1 failed; 17 pages; 2.4 s</c>.</summary>
    public string Line()
    {
        var files = _converted + _failed;
        return string.Create(CultureInfo.InvariantCulture,
            $"docstrange: {files} {(files == 1 ? "file" : "files")}: {_converted} converted, {_failed} failed; {_pages} {(_pages == 1 ? "page" : "pages")}; {_clock.Elapsed.TotalSeconds:0.0} s");
    }
}
