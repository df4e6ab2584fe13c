namespace DocStrange.Extraction;

/// <summary>How far a conversion has got: its stage (<see cref="ConversionStages"/>) and pages done out of the total when known.</summary>
public sealed record ConversionProgress(string Stage, int PagesDone, int? PagesTotal);

/// <summary>The stage names progress reports use (SPEC §3).</summary>
public static class ConversionStages
{
    public const string Parsing = "parsing";
    public const string Ocr = "ocr";
    public const string Layout = "layout";
    public const string Extracting = "extracting";
}
