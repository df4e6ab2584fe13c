using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Document.Conversion;
using DocStrange.Extraction.Fields;
using DocStrange.Extraction.Fields.Llm;
using DocStrange.Extraction.Formats.LibreOffice;
using DocStrange.Extraction.Ocr;

namespace DocStrange.Extraction;

/// <summary>
/// The library's entry point: file -> <see cref="DocumentModel"/>. Picks the reader for the file's
/// kind and turns anything a reader did not name into <c>UNREADABLE_DOCUMENT</c>, so bad input
/// never escapes as an unexplained exception.
/// </summary>
public sealed class DocumentConverter
{
    private readonly Dictionary<FileKind, IDocumentReader> _readers = [];

    /// <summary>A converter over the given readers; a later reader for the same kind wins.</summary>
    public DocumentConverter(IEnumerable<IDocumentReader> readers)
    {
        foreach (var reader in readers)
        {
            foreach (var kind in reader.Kinds) _readers[kind] = reader;
        }
    }

    /// <summary>A converter with every built-in reader (LibreOffice-backed kinds only where LibreOffice is found; OCR through <see cref="ReaderSettings.Ocr"/>).</summary>
    public static DocumentConverter CreateDefault(ReaderSettings? settings = null) =>
        new(BuiltInReaders.Create(settings)) { OcrLanguages = (settings?.Ocr ?? TesseractOcrEngine.Shared).InstalledLanguages };

    /// <summary>The OCR languages installed for this converter's engine (<c>eng</c>, <c>deu</c>); empty when it has none.</summary>
    public IReadOnlyList<string> OcrLanguages { get; init; } = [];

    /// <summary>The kinds this converter reads.</summary>
    public IReadOnlyCollection<FileKind> SupportedKinds => _readers.Keys;

    /// <summary>Whether the kind can be read.</summary>
    public bool CanConvert(FileKind kind) => _readers.ContainsKey(kind);

    /// <summary>Converts a file on disk; its kind comes from its extension unless given.</summary>
    public Task<DocumentModel> ConvertFileAsync(string path, ConversionOptions? options = null, IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ConvertFileAsync(path, options, progress, null, cancellationToken);

    /// <summary>Converts a file on disk, its fields filled by <paramref name="llm"/> as <see cref="ConversionOptions.ExtractMode"/> says.</summary>
    public async Task<DocumentModel> ConvertFileAsync(string path, ConversionOptions? options, IProgress<ConversionProgress>? progress, ILlmFieldSource? llm,
        CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        var kind = FileKinds.FromFileName(name);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var request = new ConversionRequest(name, kind, options ?? ConversionOptions.Default) { Progress = progress, Llm = llm };
        return await ConvertAsync(stream, request, cancellationToken);
    }

    /// <summary>Converts <paramref name="input"/>; a non-seekable stream is first spooled to a temporary file.</summary>
    public async Task<DocumentModel> ConvertAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken = default)
    {
        if (!_readers.TryGetValue(request.Kind, out var reader))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                LibreOfficeLocator.Kinds.Contains(request.Kind)
                    ? LibreOfficeLocator.MissingMessage(request.Kind)
                    : $"Files of kind '{FileKinds.NameOf(request.Kind)}' cannot be converted by this installation.",
                new Dictionary<string, object?> { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) });
        }

        await using var spool = input.CanSeek ? null : await SpoolAsync(input, cancellationToken);
        var source = spool ?? input;
        CheckNotEmpty(source, request);
        await CheckContentAgreesAsync(source, request, cancellationToken);
        DocumentModel document;
        try
        {
            document = await reader.ReadAsync(source, request, cancellationToken);
        }
        catch (Exception ex) when (ex is not DocStrangeException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new DocStrangeException(ErrorCode.UnreadableDocument,
                $"The file could not be read as {FileKinds.NameOf(request.Kind).ToUpperInvariant()}: it is damaged or not what its name says.",
                new Dictionary<string, object?> { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) }, ex);
        }
        CheckSomePageSelected(document, request);
        document = Pictures.PictureImageCheck.Apply(document, request.Options);
        // Fields are read from the model, not the file: every kind of input (scans after OCR too) goes the same way.
        if (request.Options.Fields is not { } fields) return document;
        var mode = request.Options.ExtractMode;
        if (mode != ExtractMode.Llm) document = document with { Extracted = FieldExtractor.Extract(document, fields) };
        // Without an LLM, auto is the rules alone: nothing more is done, so the output is what the rules give.
        if (mode == ExtractMode.Rules || mode == ExtractMode.Auto && request.Llm is null) return document;
        request.Progress?.Report(new ConversionProgress(ConversionStages.Extracting, document.Pages.Count, document.Pages.Count));
        return await LlmFields.FillAsync(document, fields, mode, request.Llm, cancellationToken);
    }

    private static void CheckSomePageSelected(DocumentModel document, ConversionRequest request)
    {
        var pages = request.Options.Pages;
        if (ReferenceEquals(pages, PageSelection.All) || document.Pages.Any(p => pages.Contains(p.Number))) return;
        throw new DocStrangeException(ErrorCode.InvalidRequest,
            $"'pages' ({pages.Text}) selects none of the document's {document.Metadata.PageCount} page(s).",
            new Dictionary<string, object?> { ["field"] = "pages", ["page_count"] = document.Metadata.PageCount });
    }

    private static void CheckNotEmpty(Stream source, ConversionRequest request)
    {
        if (source.Length - source.Position > 0) return;
        throw new DocStrangeException(ErrorCode.FileEmpty, "The file is empty.",
            new Dictionary<string, object?> { ["file_name"] = request.FileName });
    }

    private static async Task CheckContentAgreesAsync(Stream source, ConversionRequest request, CancellationToken cancellationToken)
    {
        var start = source.Position;
        var head = new byte[FileSniffer.HeadLength];
        int length = 0, read;
        while (length < head.Length && (read = await source.ReadAsync(head.AsMemory(length), cancellationToken)) > 0) length += read;
        source.Position = start;
        if (!FileSniffer.Agrees(request.Kind, head.AsSpan(0, length)))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                $"The content of '{request.FileName}' is not {FileKinds.NameOf(request.Kind).ToUpperInvariant()}, whatever its name says.",
                new Dictionary<string, object?> { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) });
        }
    }

    private static async Task<Stream> SpoolAsync(Stream input, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docstrange-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await input.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        return file;
    }
}
