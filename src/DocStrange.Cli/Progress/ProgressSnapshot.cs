using System.Globalization;

namespace DocStrange.Cli.Progress;

/// <summary>How far one file has got: its stage, a percentage, and pages done out of the total when known.</summary>
internal sealed record ProgressSnapshot(string Stage, int Percent, int PagesDone, int? PagesTotal)
{
    /// <summary>The snapshot of local conversion progress, whose percentage is the share of pages done.</summary>
    public static ProgressSnapshot OfPages(string stage, int pagesDone, int? pagesTotal) =>
        new(stage, pagesTotal is > 0 and var total ? Math.Clamp(pagesDone * 100 / total, 0, 100) : 0, pagesDone, pagesTotal);

    /// <summary>e.g. <c>parsing 40%, 2/5 pages</c>.</summary>
    public override string ToString()
    {
        var pages = PagesTotal is { } total ? string.Create(CultureInfo.InvariantCulture, $", {PagesDone}/{total} pages")
            : PagesDone > 0 ? string.Create(CultureInfo.InvariantCulture, $", {PagesDone} pages") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Stage} {Percent}%{pages}");
    }
}
