namespace DocStrange.Extraction;

/// <summary>
/// Fixed budgets inside the readers against hostile input, so that a small file cannot make a reader
/// work for minutes or fill memory: nesting beyond a depth is flattened (its text kept, its structure
/// not), and PDF streams that inflate past a size are refused with <c>FILE_TOO_LARGE</c>.
/// </summary>
public static class ReaderLimits
{
    /// <summary>
    /// The most HTML elements open inside one another. A start tag past it is left out (its text joins the
    /// element it is in), and so is its end tag: the HTML parser scans its open elements for most tags, so
    /// without a bound a page nested tens of thousands deep takes time quadratic in its size.
    /// </summary>
    public const int MaxHtmlOpenElements = 256;

    /// <summary>
    /// The most formatting elements (<c>b</c>, <c>a</c>, <c>font</c>…) HTML parsing keeps to reopen after a
    /// block closes them; a formatting start tag past it is left out. Every one of them is reopened at each
    /// following block, so without a bound a page of distinct unclosed <c>&lt;b id=…&gt;</c> takes quadratic time.
    /// </summary>
    public const int MaxHtmlFormattingElements = 64;

    /// <summary>
    /// The most grid positions the cells of one HTML table may cover with their spans (a million); a cell past
    /// it covers only its own position. A row of <c>&lt;td rowspan=0 colspan=1000&gt;</c> covers a thousand
    /// columns down to the table's end, so 2,000 such rows (84 KB) covered two billion and took 24 GB.
    /// </summary>
    public const int MaxHtmlTablePositions = 1_000_000;

    /// <summary>
    /// The most Markdown containers (block quotes and list items) one line may open or continue. Deeper markers
    /// are dropped from the line (its text joins the deepest container): the Markdown parser's work per line
    /// grows with the square of its depth.
    /// </summary>
    public const int MaxMarkdownNestingDepth = 128;

    /// <summary>The most bytes one PDF stream may inflate to (256 MiB); <c>FILE_TOO_LARGE</c> past it.</summary>
    public const long MaxPdfStreamBytes = 256L << 20;

    /// <summary>
    /// The most bytes the streams of a PDF may inflate to in all (1 GiB), counted afresh each time the reader
    /// reopens the file (every <c>40</c> pages) since what it decoded before is let go; <c>FILE_TOO_LARGE</c> past it.
    /// </summary>
    public const long MaxPdfDecodedBytes = 1L << 30;
}
