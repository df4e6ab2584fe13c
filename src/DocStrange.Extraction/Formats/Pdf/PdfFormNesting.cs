using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Finds the pages whose content would make the PDF parser recurse without end: a form XObject that
/// draws itself, directly or through others, or forms nested deeper than <see cref="MaxDepth"/>.
/// The parser follows forms by recursion, so such a page overflows the stack, which no handler can
/// catch: it would take the whole process down. The page tree and the resources are walked from the
/// raw objects, before any page is parsed; each form is looked at once.
/// </summary>
internal static class PdfFormNesting
{
    /// <summary>The deepest nesting of forms a page may have.</summary>
    public const int MaxDepth = 24;

    /// <summary>The numbers of the pages that cannot be parsed safely.</summary>
    public static IReadOnlySet<int> UnsafePages(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var result = new HashSet<int>();
        var forms = new Dictionary<IndirectReference, int>();
        var number = 0;
        if (Resolve<DictionaryToken>(document.Structure.Catalog.CatalogDictionary, NameToken.Pages, scanner) is not { } root) return result;
        var visitedNodes = new HashSet<IndirectReference>();
        void Walk(DictionaryToken node, DictionaryToken? inherited, int level)
        {
            var resources = Resolve<DictionaryToken>(node, NameToken.Resources, scanner) ?? inherited;
            if (Resolve<ArrayToken>(node, NameToken.Kids, scanner) is not { } kids)
            {
                number++;
                if (resources is not null && Depth(resources, scanner, forms, []) > MaxDepth) result.Add(number);
                return;
            }
            if (level > 64) return;
            foreach (var kid in kids.Data)
            {
                if (kid is IndirectReferenceToken r && !visitedNodes.Add(r.Data)) continue;
                if (DirectObjectFinder.TryGet<DictionaryToken>(kid, scanner, out var child)) Walk(child, resources, level + 1);
            }
        }
        Walk(root, null, 0);
        return result;
    }

    // The depth of form nesting under these resources; int.MaxValue for a form that contains itself.
    // Known depths are kept per form; `open` holds the forms on the current path.
    private static int Depth(DictionaryToken resources, IPdfTokenScanner scanner, Dictionary<IndirectReference, int> known, HashSet<IndirectReference> open)
    {
        if (Resolve<DictionaryToken>(resources, NameToken.Xobject, scanner) is not { } xobjects) return 0;
        var deepest = 0;
        foreach (var value in xobjects.Data.Values)
        {
            // A form given inline (not by reference) cannot be reached again from inside itself.
            if (value is not IndirectReferenceToken reference) continue;
            var key = reference.Data;
            if (open.Contains(key)) return int.MaxValue;
            if (!known.TryGetValue(key, out var depth))
            {
                depth = 0;
                if (DirectObjectFinder.TryGet<StreamToken>(value, scanner, out var stream)
                    && Resolve<NameToken>(stream.StreamDictionary, NameToken.Subtype, scanner) is { } subtype && subtype.Equals(NameToken.Form))
                {
                    open.Add(key);
                    var inner = Resolve<DictionaryToken>(stream.StreamDictionary, NameToken.Resources, scanner) is { } own
                        ? Depth(own, scanner, known, open)
                        : 0;
                    open.Remove(key);
                    depth = inner == int.MaxValue ? int.MaxValue : inner + 1;
                }
                known[key] = depth;
            }
            if (depth == int.MaxValue || depth > MaxDepth) return int.MaxValue;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static T? Resolve<T>(DictionaryToken dictionary, NameToken name, IPdfTokenScanner scanner) where T : class, IToken =>
        dictionary.Data.TryGetValue(name.Data, out var token) && DirectObjectFinder.TryGet<T>(token, scanner, out var value) ? value : null;
}
