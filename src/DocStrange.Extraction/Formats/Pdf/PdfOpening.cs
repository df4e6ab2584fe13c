using DocStrange.Document.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Opens a PDF with PdfPig and names what goes wrong: a password that is missing or wrong is
/// <c>ENCRYPTED_DOCUMENT</c>, anything else that stops the file opening is <c>UNREADABLE_DOCUMENT</c>.
/// A file encrypted with an empty user password opens without one. Streams are inflated within a
/// <see cref="PdfStreamBudget"/>, whose refusal (<c>FILE_TOO_LARGE</c>) stands over any error it caused.
/// </summary>
internal static class PdfOpening
{
    public static PdfDocument Open(Stream input, string? password, string fileName, PdfStreamBudget budget)
    {
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false, FilterProvider = budget.Filters };
        if (!string.IsNullOrEmpty(password)) options.Password = password;
        try
        {
            return PdfDocument.Open(input, options);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            var message = string.IsNullOrEmpty(password)
                ? "The PDF is protected by a password; send it in the 'password' field."
                : "The PDF is protected by a password and the one given does not open it.";
            throw new DocStrangeException(ErrorCode.EncryptedDocument, message, Details(fileName), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            budget.ThrowIfRefused();
            var message = IsTruncated(input)
                ? "The file could not be read as PDF: it is truncated (it ends before its end-of-file marker)."
                : "The file could not be read as PDF: it is damaged or not a PDF.";
            throw new DocStrangeException(ErrorCode.UnreadableDocument, message, Details(fileName), ex);
        }
    }

    /// <summary>Whether the file holds PDF objects but its last kilobyte lacks the <c>%%EOF</c> marker every complete PDF ends with.</summary>
    public static bool IsTruncated(Stream input)
    {
        if (!input.CanSeek) return false;
        var tail = Read(input, Math.Max(0, input.Length - 1024), 1024);
        var head = Read(input, 0, 64 * 1024);
        return tail.AsSpan().IndexOf("%%EOF"u8) < 0 && head.AsSpan().IndexOf(" obj"u8) >= 0;
    }

    private static byte[] Read(Stream input, long from, int count)
    {
        var buffer = new byte[(int)Math.Min(count, input.Length - from)];
        input.Seek(from, SeekOrigin.Begin);
        input.ReadExactly(buffer);
        return buffer;
    }

    public static Dictionary<string, object?> Details(string fileName) => new()
    {
        ["file_name"] = fileName,
        ["file_type"] = "pdf",
    };
}
