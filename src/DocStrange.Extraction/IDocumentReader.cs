using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction;

/// <summary>
/// Reads one family of file kinds into the document model. A reader never writes an output format.
/// It throws <see cref="Document.Errors.DocStrangeException"/> for what it can name
/// (<c>UNREADABLE_DOCUMENT</c>, <c>ENCRYPTED_DOCUMENT</c>, <c>TOO_MANY_PAGES</c>); a page it cannot
/// read becomes a warning on that page, and the cancellation token is honoured between pages.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The kinds this reader handles.</summary>
    IReadOnlyCollection<FileKind> Kinds { get; }

    /// <summary>Reads <paramref name="input"/> (seekable) into the model.</summary>
    Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken);
}
