using System.Text;
using DocStrange.Document.Errors;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// What every sheet of a workbook needs to show its cells: the shared strings, each cell style's number
/// format code, and whether dates count from 1904. Read with a forward-only XML reader, so a large
/// shared-string table is not held as a DOM.
/// </summary>
internal sealed class XlsxWorkbookData
{
    private readonly List<string> _strings = [];
    private readonly List<string?> _styleFormats = [];
    private readonly ConversionRequest _request;
    private long _shownCharacters;

    public XlsxWorkbookData(WorkbookPart workbook, ConversionRequest request, CancellationToken cancellationToken)
    {
        _request = request;
        Date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
        if (workbook.SharedStringTablePart is { } strings) ReadStrings(strings, cancellationToken);
        if (workbook.WorkbookStylesPart is { } styles) ReadStyles(styles);
    }

    /// <summary>Whether serial dates count from 1904 rather than 1900.</summary>
    public bool Date1904 { get; }

    /// <summary>The shared string at <paramref name="index"/>, or an empty string.</summary>
    public string String(int index) => index >= 0 && index < _strings.Count ? _strings[index] : "";

    /// <summary>Counts a cell's shown text against <see cref="ZipLimits.MaxCellTextCharacters"/>; <c>FILE_TOO_LARGE</c> past it.</summary>
    public string Shown(string text)
    {
        _shownCharacters += text.Length;
        var max = _request.Options.Zip.MaxCellTextCharacters;
        if (_shownCharacters <= max) return text;
        throw new DocStrangeException(ErrorCode.FileTooLarge,
            $"'{_request.FileName}' is refused: its cells show more than {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters of text in all (cells repeating one shared string count each time).",
            new Dictionary<string, object?> { ["file_name"] = _request.FileName, ["limit"] = "max_cell_text_characters", ["max"] = max });
    }

    /// <summary>The number format code of a cell style index (null for General).</summary>
    public string? FormatOf(int styleIndex) => styleIndex >= 0 && styleIndex < _styleFormats.Count ? _styleFormats[styleIndex] : null;

    /// <summary>Reader settings for workbook XML: no DTDs, no external resolution.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    private void ReadStrings(SharedStringTablePart part, CancellationToken cancellationToken)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si") continue;
            if (_strings.Count % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            _strings.Add(RichText(reader));
        }
    }

    /// <summary>The text of a string item (<c>si</c>, <c>is</c>) at the reader: its <c>t</c> elements, phonetic runs left out; leaves the reader on the item's end.</summary>
    public static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        var sb = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                sb.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }
        return sb.ToString();
    }

    private void ReadStyles(WorkbookStylesPart part)
    {
        var custom = new Dictionary<int, string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, Settings);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), out var id):
                    custom[id] = reader.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var numFmt = int.TryParse(reader.GetAttribute("numFmtId"), out var n) ? n : 0;
                    _styleFormats.Add(custom.TryGetValue(numFmt, out var code) ? code : ExcelNumberFormat.Builtin(numFmt));
                    break;
            }
        }
    }
}
