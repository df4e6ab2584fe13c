using AngleSharp.Dom;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// What a reader of the page would not see, or would not call content: scripts, styles, templates,
/// embedded media, form controls, navigation menus (<c>nav</c>), and elements hidden by the
/// <c>hidden</c> attribute, <c>aria-hidden="true"</c> or an inline <c>display:none</c> /
/// <c>visibility:hidden</c>.
/// </summary>
internal static class HtmlVisibility
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video", "source", "track",
        "select", "option", "input", "nav", "textarea", "datalist", "map", "area", "dialog",
    };

    public static bool IsHidden(IElement element)
    {
        if (Invisible.Contains(element.LocalName)) return true;
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style)) return false;
        var compact = string.Concat(style.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return compact.Contains("display:none") || compact.Contains("visibility:hidden");
    }
}
