namespace DocStrange.Cli.Tests;

/// <summary>Documents of several kinds copied beside the tests.</summary>
internal static class TestDocuments
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", name);

    /// <summary>A PDF of five pages, a Word file, an HTML page, a CSV table and a presentation.</summary>
    public static string[] OfEveryKind { get; } =
        [Path("multi_page.pdf"), Path("word_sample.docx"), Path("example_03.html"), Path("comma_quoted.csv"), Path("powerpoint_sample.pptx")];
}
