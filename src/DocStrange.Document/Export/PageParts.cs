using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The document cut into one document per page, so each page's output can be stored and served on its
/// own (<c>?page=N</c>) without the whole result being read. A page's part holds that page, its blocks
/// (a block without a page stays with the page before it, as in the page markers) and its warnings.
/// </summary>
public static class PageParts
{
    /// <summary>Each converted page's number and its part, in page order.</summary>
    public static IEnumerable<(int Page, DocumentModel Part)> Of(DocumentModel document)
    {
        var byPage = new Dictionary<int, List<Block>>();
        int? current = null;
        foreach (var block in document.Blocks)
        {
            current = block.Provenance?.Page ?? current;
            if (current is not { } page) continue;
            if (!byPage.TryGetValue(page, out var list)) byPage[page] = list = [];
            list.Add(block);
        }
        foreach (var info in document.Pages)
        {
            yield return (info.Number, document with
            {
                Pages = [info],
                Blocks = byPage.GetValueOrDefault(info.Number) ?? [],
                Warnings = [.. document.Warnings.Where(w => w.Page == info.Number)],
            });
        }
    }
}
