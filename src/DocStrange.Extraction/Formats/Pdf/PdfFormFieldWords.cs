using System.Globalization;
using System.Text.RegularExpressions;
using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// The values typed into a form's text and choice fields, and the text boxes typed over a page (FreeText
/// annotations, as "fill and sign" tools add them), as words of the page. A filled form keeps them in
/// its annotations (the field's value, /V; the text box's /Contents), not in the page's content, so a
/// reader of the content alone keeps the labels and drops what was filled in. Each value is laid out left to
/// right in its widget's box at the field's font size (its /DA, or a size that fits the box), so the
/// layout puts it beside its label like any other text. Hidden annotations and empty values give nothing.
/// </summary>
internal static partial class PdfFormFieldWords
{
    /// <summary>The words of the filled-in values on the page, boxes with a top-left origin in a page <paramref name="height"/> points high.</summary>
    public static IReadOnlyList<LayoutWord> Read(Page page, double height, IPdfTokenScanner scanner)
    {
        try
        {
            return Values(page, height, scanner);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // Broken annotations cost the filled-in values, not the page's own text.
            return [];
        }
    }

    private static List<LayoutWord> Values(Page page, double height, IPdfTokenScanner scanner)
    {
        var words = new List<LayoutWord>();
        foreach (var annotation in page.GetAnnotations())
        {
            if ((annotation.Flags & (AnnotationFlags.Hidden | AnnotationFlags.NoView)) != 0) continue;
            var field = annotation.AnnotationDictionary;
            var value = annotation.Type switch
            {
                AnnotationType.Widget when Inherited<NameToken>(field, "FT", scanner) is { Data: "Tx" or "Ch" } =>
                    Value(Inherited<StringToken>(field, "V", scanner) ?? (IToken?)Inherited<HexToken>(field, "V", scanner) ?? Inherited<ArrayToken>(field, "V", scanner), scanner),
                AnnotationType.FreeText => annotation.Content,
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(value)) continue;
            var rect = annotation.Rectangle;
            var box = new BoundingBox(rect.Left, height - rect.Top, rect.Right, height - rect.Bottom);
            var size = FontSize(Inherited<StringToken>(field, "DA", scanner)?.Data, box.Height);
            Place(value, box, size, words);
        }
        return words;
    }

    // Lines of the value from the box's top left, words a space apart, wrapped at the box's right edge.
    private static void Place(string value, BoundingBox box, double size, List<LayoutWord> into)
    {
        var charWidth = 0.5 * size;
        var lineHeight = 1.2 * size;
        var baseline = box.Height < 2 * lineHeight ? box.Top + (box.Height + 0.7 * size) / 2 : box.Top + size;
        foreach (var line in value.Replace("\r\n", "\n").Split('\n', '\r'))
        {
            var x = box.Left + 2;
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var width = token.Length * charWidth;
                if (x > box.Left + 2 && x + width > box.Right) { x = box.Left + 2; baseline += lineHeight; }
                into.Add(new LayoutWord(token, new BoundingBox(x, baseline - 0.75 * size, x + width, baseline + 0.2 * size), baseline, size));
                x += width + charWidth;
            }
            baseline += lineHeight;
        }
    }

    private static double FontSize(string? appearance, double boxHeight)
    {
        var match = appearance is null ? null : SizeOperator().Match(appearance);
        var size = match is { Success: true } && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
        // Size 0 means "fit the box": as a viewer does, about seven tenths of a one-line box, at most 12.
        return size > 0 ? size : Math.Clamp(0.7 * boxHeight, 4, 12);
    }

    private static string? Value(IToken? token, IPdfTokenScanner scanner) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        ArrayToken a => string.Join(", ", a.Data.Select(t => Value(As<StringToken>(t, scanner) ?? (IToken?)As<HexToken>(t, scanner), scanner)).Where(v => !string.IsNullOrWhiteSpace(v))),
        _ => null,
    };

    // The token, or the object it refers to, when it is of the kind asked for.
    private static T? As<T>(IToken token, IPdfTokenScanner scanner) where T : class, IToken =>
        token as T ?? (token is IndirectReferenceToken && DirectObjectFinder.TryGet<T>(token, scanner, out var resolved) ? resolved : null);

    // A field's entries may sit on the widget or on a parent field up the tree.
    private static T? Inherited<T>(DictionaryToken dictionary, string key, IPdfTokenScanner scanner) where T : class, IToken
    {
        var current = dictionary;
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            if (current.Data.TryGetValue(key, out var token) && As<T>(token, scanner) is { } found) return found;
            current = current.Data.TryGetValue("Parent", out var parent) ? As<DictionaryToken>(parent, scanner) : null;
        }
        return null;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)\s+Tf", RegexOptions.CultureInvariant)]
    private static partial Regex SizeOperator();
}
