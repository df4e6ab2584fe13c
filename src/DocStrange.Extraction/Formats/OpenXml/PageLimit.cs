using DocStrange.Document.Errors;

namespace DocStrange.Extraction.Formats.OpenXml;

/// <summary>The page limit for formats whose pages are sheets or slides.</summary>
internal static class PageLimit
{
    /// <summary>Refuses a document with more pages (<paramref name="unit"/>: "sheets", "slides") than <see cref="ConversionOptions.MaxPages"/> with <c>TOO_MANY_PAGES</c>.</summary>
    public static void Check(int count, string unit, ConversionRequest request)
    {
        if (request.Options.MaxPages is not { } max || count <= max) return;
        throw new DocStrangeException(ErrorCode.TooManyPages,
            $"The file has {count} {unit}; at most {max} are accepted.",
            new Dictionary<string, object?> { ["file_name"] = request.FileName, ["pages"] = count, ["max_pages"] = max });
    }
}
