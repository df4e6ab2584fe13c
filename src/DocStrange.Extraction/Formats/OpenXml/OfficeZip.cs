using System.IO.Compression;
using System.Text;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Formats.OpenXml;

/// <summary>
/// The checks every ZIP-based office file passes before its parts are parsed: the container's entry
/// count, total uncompressed size and per-entry compression ratio against <see cref="ZipLimits"/>
/// (<c>FILE_TOO_LARGE</c>), and what the package really is, read from <c>[Content_Types].xml</c> or the
/// ODF <c>mimetype</c> entry, so a DOCX renamed <c>.xlsx</c> gets <c>INVALID_FILE_TYPE</c> naming its true kind.
/// A container that is not a readable ZIP, or whose XML parts are not well-formed or nest absurdly deep, is
/// <c>UNREADABLE_DOCUMENT</c>.
/// </summary>
internal static class OfficeZip
{
    private const int MaxManifestBytes = 1 << 20;

    /// <summary>Checks <paramref name="input"/> (seekable) and leaves its position where it was.</summary>
    public static void Check(Stream input, ConversionRequest request)
    {
        var start = input.Position;
        FileKind actual;
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            CheckLimits(zip, request);
            actual = Identify(zip);
            CheckXml(zip, request);
        }
        catch (InvalidDataException ex)
        {
            throw new DocStrangeException(ErrorCode.UnreadableDocument,
                $"'{request.FileName}' is not a readable ZIP container, so it cannot be {Name(request.Kind)}: it is damaged or truncated.",
                Details(request), ex);
        }
        finally
        {
            input.Position = start;
        }
        if (actual == request.Kind) return;
        var what = actual == FileKind.Unknown ? "a ZIP archive that is no office document" : $"{Describe(actual)} ({Name(actual)})";
        var hint = actual == FileKind.Unknown ? "" : $" Rename it to .{FileKinds.NameOf(actual)} and send it again.";
        var details = Details(request);
        details["detected_type"] = actual == FileKind.Unknown ? "zip" : FileKinds.NameOf(actual);
        throw new DocStrangeException(ErrorCode.InvalidFileType,
            $"'{request.FileName}' is {what}, not {Name(request.Kind)}.{hint}", details);
    }

    private static void CheckLimits(ZipArchive zip, ConversionRequest request)
    {
        var limits = request.Options.Zip;
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw TooLarge(request, $"it holds {zip.Entries.Count:N0} entries, more than the limit of {limits.MaxEntries:N0}", "entry_count", limits.MaxEntries, zip.Entries.Count);
        }
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxUncompressedBytes)
            {
                throw TooLarge(request, $"its parts inflate to more than {limits.MaxUncompressedBytes:N0} bytes", "uncompressed_size", limits.MaxUncompressedBytes, total);
            }
            if (entry.Length >= limits.RatioFloorBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                var ratio = Math.Round(entry.Length / (double)Math.Max(1, entry.CompressedLength));
                throw TooLarge(request, $"its part '{entry.FullName}' inflates {ratio:N0} times, more than the limit of {limits.MaxCompressionRatio:N0}", "compression_ratio", limits.MaxCompressionRatio, ratio);
            }
        }
    }

    // Every XML part that is parsed into a DOM must be well-formed and nest no deeper than MaxXmlDepth: the
    // Open XML SDK builds its DOM recursively, so a crafted part nested thousands deep would overflow the
    // stack and kill the process. Worksheets and shared strings are only ever streamed, so they are skipped.
    private static void CheckXml(ZipArchive zip, ConversionRequest request)
    {
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (!(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase))) continue;
            if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) || name == "xl/sharedStrings.xml") continue;
            using var stream = entry.Open();
            using var reader = System.Xml.XmlReader.Create(stream, XmlSettings);
            try
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxXmlDepth)
                    {
                        throw new DocStrangeException(ErrorCode.UnreadableDocument,
                            $"'{request.FileName}' cannot be read: its part '{name}' nests elements more than {MaxXmlDepth} deep.", Details(request));
                    }
                }
            }
            catch (System.Xml.XmlException ex)
            {
                // The parser's own text (line, position, what it expected) stays with the inner exception for
                // the server's log: callers get a stable sentence, never an exception's message.
                throw new DocStrangeException(ErrorCode.UnreadableDocument,
                    $"'{request.FileName}' cannot be read: its part '{name}' is not well-formed XML.", Details(request), ex);
            }
        }
    }

    private const int MaxXmlDepth = 1000;

    private static readonly System.Xml.XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    private static DocStrangeException TooLarge(ConversionRequest request, string why, string limit, double max, double actual)
    {
        var details = Details(request);
        details["limit"] = limit;
        details["max"] = max;
        details["actual"] = actual;
        return new DocStrangeException(ErrorCode.FileTooLarge,
            $"'{request.FileName}' is refused as a possible zip bomb: {why}.", details);
    }

    /// <summary>The kind of office package in <paramref name="zip"/>, or <see cref="FileKind.Unknown"/>.</summary>
    private static FileKind Identify(ZipArchive zip)
    {
        if (zip.GetEntry("mimetype") is { } mimetype)
        {
            var type = ReadSmall(mimetype);
            if (type.Contains("opendocument.text", StringComparison.Ordinal)) return FileKind.Odt;
            if (type.Contains("opendocument.spreadsheet", StringComparison.Ordinal)) return FileKind.Ods;
            if (type.Contains("opendocument.presentation", StringComparison.Ordinal)) return FileKind.Odp;
        }
        if (zip.GetEntry("[Content_Types].xml") is { } types)
        {
            var manifest = ReadSmall(types);
            if (manifest.Contains("wordprocessingml.document.main", StringComparison.Ordinal)
                || manifest.Contains("wordprocessingml.template.main", StringComparison.Ordinal)
                || manifest.Contains("ms-word.document.macroEnabled.main", StringComparison.OrdinalIgnoreCase)
                || manifest.Contains("ms-word.template.macroEnabledTemplate.main", StringComparison.OrdinalIgnoreCase)) return FileKind.Docx;
            if (manifest.Contains("spreadsheetml.sheet.main", StringComparison.Ordinal)
                || manifest.Contains("spreadsheetml.template.main", StringComparison.Ordinal)
                || manifest.Contains("ms-excel.sheet.macroEnabled.main", StringComparison.OrdinalIgnoreCase)
                || manifest.Contains("ms-excel.template.macroEnabled.main", StringComparison.OrdinalIgnoreCase)) return FileKind.Xlsx;
            if (manifest.Contains("presentationml.presentation.main", StringComparison.Ordinal)
                || manifest.Contains("presentationml.slideshow.main", StringComparison.Ordinal)
                || manifest.Contains("presentationml.template.main", StringComparison.Ordinal)
                || manifest.Contains("ms-powerpoint.presentation.macroEnabled.main", StringComparison.OrdinalIgnoreCase)
                || manifest.Contains("ms-powerpoint.slideshow.macroEnabled.main", StringComparison.OrdinalIgnoreCase)) return FileKind.Pptx;
        }
        return FileKind.Unknown;
    }

    private static string ReadSmall(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[Math.Min(MaxManifestBytes, Math.Max(0, entry.Length))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static Dictionary<string, object?> Details(ConversionRequest request) =>
        new() { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) };

    private static string Name(FileKind kind) => FileKinds.NameOf(kind).ToUpperInvariant();

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Docx => "a Word document",
        FileKind.Xlsx => "an Excel workbook",
        FileKind.Pptx => "a PowerPoint presentation",
        FileKind.Odt => "an OpenDocument text",
        FileKind.Ods => "an OpenDocument spreadsheet",
        FileKind.Odp => "an OpenDocument presentation",
        _ => "a file",
    };
}
