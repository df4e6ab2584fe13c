using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Text;
using DocStrange.Extraction.Layout;

namespace DocStrange.Extraction.Formats.Html;

/// <summary>
/// HTML through AngleSharp: the encoding comes from the byte-order mark or the page's own charset
/// declaration, and a page that declares none and is not valid UTF-8 is read as Latin-1. Nesting is
/// bounded while parsing (<see cref="HtmlParsing"/>). The visible body becomes blocks
/// (<see cref="HtmlBlockWalker"/>); the whole page is page 1, without boxes.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Html];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        var encoding = await ChooseEncodingAsync(input, cancellationToken);
        using var document = await HtmlParsing.ParseAsync(input, encoding, cancellationToken);
        var root = document.Body ?? document.DocumentElement;
        var blocks = HtmlBlockWalker.Walk(root, request.Options.WantsImages);
        request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, 1, 1));
        var title = TextCleanup.Normalize(document.Title ?? "");
        return new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, Title = title.Length > 0 ? title : null, PageCount = 1 },
            Pages = [new PageInfo(1)],
            Blocks = blocks,
        };
    }

    // Null lets AngleSharp decide (byte-order mark, then <meta charset>, then UTF-8); Latin-1 only for
    // a page with neither whose bytes are not UTF-8.
    private static async Task<System.Text.Encoding?> ChooseEncodingAsync(Stream input, CancellationToken cancellationToken)
    {
        var sniffed = await TextDecoding.SniffAsync(input, cancellationToken);
        if (sniffed.FromByteOrderMark || sniffed.Encoding.CodePage != System.Text.Encoding.Latin1.CodePage) return null;
        return await DeclaresCharsetAsync(input, cancellationToken) ? null : sniffed.Encoding;
    }

    private static async Task<bool> DeclaresCharsetAsync(Stream input, CancellationToken cancellationToken)
    {
        var start = input.Position;
        var head = new byte[1024];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        input.Position = start;
        return System.Text.Encoding.Latin1.GetString(head, 0, read).Contains("charset", StringComparison.OrdinalIgnoreCase);
    }
}
