using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Text;

namespace DocStrange.Extraction.Formats.Csv;

/// <summary>
/// Delimited text (CSV, semicolon-, tab- or pipe-separated) as one table: the delimiter is guessed
/// from the first records (<see cref="CsvDelimiter"/>), the encoding from a byte-order mark, else
/// UTF-8, else Latin-1. The first row is the header row; trailing empty rows and columns are dropped.
/// </summary>
public sealed class CsvReader : IDocumentReader
{
    private const int SampleChars = 64 * 1024;

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Csv];

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        var start = input.Position;
        var encoding = (await TextDecoding.SniffAsync(input, cancellationToken)).Encoding;
        var delimiter = await DetectDelimiterAsync(input, encoding, cancellationToken);
        input.Position = start;
        using var reader = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var records = ReadRecords(new CsvParser(reader, delimiter), cancellationToken);
        var table = ToTable(records);
        request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, 1, 1));
        return new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = 1 },
            Pages = [new PageInfo(1)],
            Blocks = table is null ? [] : [new Block { Role = BlockRole.Table, Table = table, Provenance = new Provenance(1) }],
        };
    }

    private static async Task<char> DetectDelimiterAsync(Stream input, System.Text.Encoding encoding, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var buffer = new char[SampleChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return CsvDelimiter.Detect(new string(buffer, 0, read), sampleIsWholeFile: read < buffer.Length);
    }

    private static List<List<string>> ReadRecords(CsvParser parser, CancellationToken cancellationToken)
    {
        var records = new List<List<string>>();
        while (parser.ReadRecord() is { } record)
        {
            if (records.Count % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
            records.Add(record);
        }
        return records;
    }

    private static Table? ToTable(List<List<string>> records)
    {
        var rows = records.Count;
        while (rows > 0 && records[rows - 1].All(string.IsNullOrWhiteSpace)) rows--;
        var columns = 0;
        for (var r = 0; r < rows; r++)
        {
            var record = records[r];
            for (var c = record.Count - 1; c >= columns; c--)
            {
                if (string.IsNullOrWhiteSpace(record[c])) continue;
                columns = c + 1;
                break;
            }
        }
        if (rows == 0 || columns == 0) return null;
        var cells = new List<TableCell>(rows * columns);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var text = c < records[r].Count ? records[r][c].ReplaceLineEndings("\n").Trim() : "";
                cells.Add(new TableCell(r, c, text, IsHeader: r == 0));
            }
        }
        return new Table(rows, columns, cells);
    }
}
