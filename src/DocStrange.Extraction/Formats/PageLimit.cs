using DocStrange.Document.Errors;

namespace DocStrange.Extraction.Formats;

/// <summary>
/// The page limit of every paged reader (PDF, multi-page images, sheets, slides). It counts the pages
/// the request selects, not the pages the file has: the way out of a too-long document is to ask for
/// part of it with <c>pages</c>, so that part must pass.
/// </summary>
internal static class PageLimit
{
    /// <summary>
    /// Refuses a request that selects more of the document's <paramref name="count"/> pages
    /// (<paramref name="unit"/>: "pages", "sheets", "slides") than <see cref="ConversionOptions.MaxPages"/>
    /// with <c>TOO_MANY_PAGES</c>.
    /// </summary>
    public static void Check(int count, string unit, ConversionRequest request)
    {
        if (request.Options.MaxPages is not { } max) return;
        var selected = request.Options.Pages.CountIn(count);
        if (selected <= max) return;
        var message = selected == count
            ? $"The file has {count} {unit}; at most {max} are accepted."
            : $"'pages' selects {selected} of the file's {count} {unit}; at most {max} are accepted.";
        throw new DocStrangeException(ErrorCode.TooManyPages, message, new Dictionary<string, object?>
        {
            ["file_name"] = request.FileName, ["pages"] = count, ["selected_pages"] = selected, ["max_pages"] = max,
        });
    }
}
