using DocStrange.Document.Errors;
using DocStrange.Jobs.Model;

namespace DocStrange.Worker;

/// <summary>
/// The wording of a <c>TOO_MANY_PAGES</c> under the page limit the job carries: when that limit is the
/// submitter's tier's, the error says so, since that is the limit the caller can change (another tier).
/// </summary>
internal static class TierPageLimit
{
    /// <summary>Runs the conversion; a <c>TOO_MANY_PAGES</c> caused by the tier's limit is reworded to name it.</summary>
    public static async Task<T> NamedAsync<T>(Job job, Func<Task<T>> convert)
    {
        try
        {
            return await convert();
        }
        catch (DocStrangeException ex) when (ex.Code == ErrorCode.TooManyPages && job.Options is { MaxPagesIsTiers: true, MaxPages: { } tier })
        {
            var details = new Dictionary<string, object?>(ex.Details) { ["limit_source"] = "tier" };
            var limit = $"the limit for your tier is {tier} page{(tier == 1 ? "" : "s")}";
            throw new DocStrangeException(ErrorCode.TooManyPages, $"{WhatWasAsked(ex.Details)}; {limit}.", details, ex);
        }
    }

    // The pages counted against the limit: the document's, or the part of it that 'pages' selects.
    private static string WhatWasAsked(IReadOnlyDictionary<string, object?> details)
    {
        var count = details.TryGetValue("pages", out var pages) ? pages : null;
        var selected = details.TryGetValue("selected_pages", out var chosen) ? chosen : null;
        if (count is null) return "The document has more pages";
        return selected is null || Equals(selected, count)
            ? $"The document has {count} pages"
            : $"'pages' selects {selected} of the document's {count} pages";
    }
}
