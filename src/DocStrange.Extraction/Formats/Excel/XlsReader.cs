using System.Globalization;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using ExcelDataReader;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// Legacy Excel 97-2003 workbooks (BIFF8 <c>.xls</c>) through ExcelDataReader, read row by row: each
/// sheet a page and a section headed by its name (hidden sheets converted and flagged), its data
/// regions tables (<see cref="SheetRegions"/>), numbers and dates shown through their number format
/// (<see cref="ExcelNumberFormat"/>), merged cells as spans. A password-protected workbook needs the
/// request's password (<c>ENCRYPTED_DOCUMENT</c> otherwise).
/// </summary>
public sealed class XlsReader : IDocumentReader
{
    static XlsReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Xls];

    /// <inheritdoc />
    public Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateBinaryReader(input, new ExcelReaderConfiguration { Password = request.Options.Password, LeaveOpen = true });
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException ex)
        {
            throw new DocStrangeException(ErrorCode.EncryptedDocument,
                request.Options.Password is null ? "The workbook is protected by a password; send it with 'password'." : "The password does not open this workbook.",
                new Dictionary<string, object?> { ["file_name"] = request.FileName }, ex);
        }
        using (reader)
        {
            PageLimit.Check(reader.ResultsCount, "sheets", request);
            var pages = new List<PageInfo>();
            var blocks = new List<Block>();
            var number = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                if (!request.Options.Pages.Contains(number)) continue;
                var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);
                pages.Add(new PageInfo(number) { Hidden = hidden });
                var provenance = new Provenance(number);
                var name = Layout.TextCleanup.Normalize(reader.Name ?? $"Sheet {number}");
                blocks.Add(new Block { Role = BlockRole.Heading, Level = 1, Text = hidden ? name + " (hidden)" : name, Provenance = provenance });
                var cells = ReadSheet(reader, cancellationToken);
                blocks.AddRange(SheetRegions.Tables(cells).Select(t => new Block { Role = BlockRole.Table, Table = t, Provenance = provenance }));
                request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, pages.Count, request.Options.Pages.CountIn(reader.ResultsCount)));
            }
            while (reader.NextResult());
            return Task.FromResult(new DocumentModel
            {
                Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = reader.ResultsCount },
                Pages = pages,
                Blocks = blocks,
            });
        }
    }

    private static SheetCells ReadSheet(IExcelDataReader reader, CancellationToken cancellationToken)
    {
        var sheet = new SheetCells();
        foreach (var range in reader.MergeCells ?? [])
        {
            sheet.Merges.Add((range.FromRow, range.FromColumn, range.ToRow, range.ToColumn));
        }
        var row = 0;
        while (reader.Read())
        {
            if (row % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
            for (var column = 0; column < reader.FieldCount; column++)
            {
                sheet.Add(row, column, Text(reader, column));
            }
            row++;
        }
        return sheet;
    }

    private static string Text(IExcelDataReader reader, int column)
    {
        var value = reader.GetValue(column);
        var format = reader.GetNumberFormatString(column);
        return value switch
        {
            null => "",
            string s => s,
            bool b => b ? "TRUE" : "FALSE",
            DateTime d => ExcelNumberFormat.Format(d.ToOADate(), format ?? "m/d/yyyy", date1904: false),
            TimeSpan t => ExcelNumberFormat.Format(t.TotalDays, format ?? "h:mm:ss", date1904: false),
            double n => ExcelNumberFormat.Format(n, format, date1904: false),
            IConvertible c => ExcelNumberFormat.Format(c.ToDouble(CultureInfo.InvariantCulture), format, date1904: false),
            _ => value.ToString() ?? "",
        };
    }
}
