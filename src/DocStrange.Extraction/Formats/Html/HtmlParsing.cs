using System.Collections;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// Parses HTML with AngleSharp within <see cref="ReaderLimits.MaxHtmlOpenElements"/> and
/// <see cref="ReaderLimits.MaxHtmlFormattingElements"/>. AngleSharp caps the depth of the tree it builds,
/// but not its stack of open elements, which most start and end tags scan from the top down to a scope
/// boundary: a page of tens of thousands of unclosed <c>&lt;div&gt;</c> or <c>&lt;ul&gt;&lt;li&gt;</c>
/// took minutes. Each token passes through a filter that looks at the parser's own stack and list of
/// formatting elements (the only exact measure: which tags open, close or reopen elements is the whole
/// HTML tree-building algorithm) and leaves out a start tag that would go past the limit, and the end
/// tag that closes it; the text inside stays, in the element that is open. The parser also reopens, at
/// each text or tag after a block, every formatting element the block closed early (HTML's "reconstruct
/// the active formatting elements"): a page of many distinct unclosed <c>&lt;b id=…&gt;</c> followed by
/// many <c>&lt;div&gt;x&lt;/div&gt;</c> had it build tens of elements per few bytes (2 MB took 72 s and
/// 7 GB). Once the elements reopened outnumber the page's tokens, the list of elements to reopen is
/// emptied, as the end of a table cell empties it; their text stays, unformatted.
/// </summary>
internal static class HtmlParsing
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    // How many reopened elements a page may have beyond one per token before its formatting is forgotten.
    private const int ReopenSlack = 10_000;

    // Elements that are never left open, so never deepen the stack.
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    // HTML's formatting elements: the ones the parser reopens after a block that closed them.
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>Parses a page from <paramref name="input"/>; a null encoding lets AngleSharp decide (byte-order mark, <c>&lt;meta charset&gt;</c>, UTF-8).</summary>
    public static async Task<IDocument> ParseAsync(Stream input, System.Text.Encoding? encoding, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        if (!MayNestPastBudget(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return await new HtmlParser().ParseDocumentAsync(buffer, HtmlStreamSourceMode.Buffered, encoding, cancellationToken);
        }
        return Parse(new TextSource(buffer, encoding!), cancellationToken);
    }

    /// <summary>Parses a page held as text.</summary>
    public static IDocument Parse(string html, CancellationToken cancellationToken = default) =>
        MayNestPastBudget(System.Text.Encoding.UTF8.GetBytes(html)) ? Parse(new TextSource(html), cancellationToken) : new HtmlParser().ParseDocument(html);

    private static IDocument Parse(TextSource source, CancellationToken cancellationToken)
    {
        var filter = new BudgetFilter(cancellationToken);
        return new HtmlParser().ParseDocument<AngleSharp.Dom.Document, Element>(source, filter.Consume);
    }

    // Whether the page's start tags, less its end tags, ever outnumber the budget: an upper bound on
    // its depth (tags the parser closes by itself count as open). Only such pages take the filtered
    // parse, whose token path loses the white space between inline elements ("family Anatidae").
    // Formatting elements left open are reopened after every block: a few are usual, more take the filtered parse.
    internal static bool MayNestPastBudget(ReadOnlySpan<byte> html)
    {
        int depth = 0, formatting = 0;
        for (var i = 0; i + 1 < html.Length; i++)
        {
            if (html[i] != (byte)'<') continue;
            var closing = html[i + 1] == (byte)'/';
            var start = closing ? i + 2 : i + 1;
            if (start >= html.Length || !char.IsAsciiLetter((char)html[start])) continue;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit((char)html[end]) || html[end] == (byte)'-')) end++;
            var name = System.Text.Encoding.ASCII.GetString(html[start..end]).ToLowerInvariant();
            if (Void.Contains(name)) continue;
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                if (Formatting.Contains(name)) formatting = Math.Max(0, formatting - 1);
                continue;
            }
            var close = html[end..].IndexOf((byte)'>');
            if (close > 0 && html[end + close - 1] == (byte)'/') continue;
            if (++depth > ReaderLimits.MaxHtmlOpenElements) return true;
            if (Formatting.Contains(name) && ++formatting > MaxUsualOpenFormatting) return true;
        }
        return false;
    }

    private const int MaxUsualOpenFormatting = 16;

    private sealed class BudgetFilter(CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);
        private ICollection? _open;
        private ICollection? _formatting;
        private int _tokens;
        private long _reopened;

        public TokenConsumptionResult Consume(ref StructHtmlToken token, TokenConsumer next)
        {
            if ((++_tokens & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (token.Type == HtmlTokenType.StartTag)
            {
                var name = token.Name.ToString();
                if (!Void.Contains(name) && IsFull(name, next))
                {
                    // A self-closing tag (in SVG or MathML) has no end tag to leave out.
                    if (!token.IsSelfClosing) _dropped[name] = _dropped.GetValueOrDefault(name) + 1;
                    return TokenConsumptionResult.Continue;
                }
            }
            else if (token.Type == HtmlTokenType.EndTag && _dropped.Count > 0)
            {
                var name = token.Name.ToString();
                if (_dropped.TryGetValue(name, out var dropped))
                {
                    if (dropped == 1) _dropped.Remove(name);
                    else _dropped[name] = dropped - 1;
                    return TokenConsumptionResult.Continue;
                }
            }
            if (token.Type is not (HtmlTokenType.StartTag or HtmlTokenType.Character))
            {
                next(ref token);
                return TokenConsumptionResult.Continue;
            }
            // Text and start tags reopen the formatting elements a block closed: count what they open beyond
            // the element itself, and once that outgrows the page's own tokens, forget the elements to reopen.
            if (_open is null) Attach(next.Target);
            var before = _open!.Count;
            var own = token.Type == HtmlTokenType.StartTag ? 1 : 0;
            next(ref token);
            var reopened = _open.Count - before - own;
            if (reopened > 0 && (_reopened += reopened) > _tokens + ReopenSlack) ((IList)_formatting!).Clear();
            return TokenConsumptionResult.Continue;
        }

        private bool IsFull(string name, TokenConsumer next)
        {
            if (_open is null) Attach(next.Target);
            return _open!.Count >= ReaderLimits.MaxHtmlOpenElements
                || (Formatting.Contains(name) && _formatting!.Count >= ReaderLimits.MaxHtmlFormattingElements);
        }

        // The consumer is the tree builder's own method; its stack and list are private fields (AngleSharp 1.x).
        // A version that renames them fails every HTML conversion here, loudly, rather than parsing unguarded.
        private void Attach(object? builder)
        {
            var type = builder?.GetType();
            _open = type?.GetField("_openElements", Private)?.GetValue(builder) as ICollection;
            _formatting = type?.GetField("_formattingElements", Private)?.GetValue(builder) as ICollection;
            if (_open is null || _formatting is null)
            {
                throw new InvalidOperationException($"The HTML parser's tree builder ({type?.FullName ?? "none"}) no longer has the open-element stack and formatting list the nesting budget reads.");
            }
        }
    }
}
