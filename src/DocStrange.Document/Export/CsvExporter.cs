using DocStrange.Document.Errors;
using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// The document's tables as RFC 4180 CSV: CRLF line endings, a field quoted (quotes doubled) when it
/// holds a comma, quote, CR or LF. With <see cref="ExportOptions.TableIndex"/> it writes that one table
/// (0-based, in reading order, page furniture included) and throws <see cref="ErrorCode.InvalidRequest"/>
/// when there is no such table; without it, every table, separated by one blank line. A spanned cell's
/// text is at its top-left position and the positions it covers are empty. A document with no tables
/// gives an empty output when no index is asked for; the job layer decides how to report that.
/// Cell text is written as it is (no spreadsheet-formula neutralising).
/// </summary>
public sealed class CsvExporter : IDocumentExporter
{
    /// <inheritdoc />
    public OutputFormat Format => OutputFormat.Csv;

    /// <inheritdoc />
    public void Write(DocumentModel document, TextWriter writer, ExportOptions options)
    {
        var tables = document.Tables.ToList();
        if (options.TableIndex is { } index)
        {
            if (index < 0 || index >= tables.Count)
            {
                throw new DocStrangeException(ErrorCode.InvalidRequest,
                    tables.Count == 0
                        ? $"table_index {index} is out of range: the document has no tables."
                        : $"table_index {index} is out of range: the document has {tables.Count} table(s), numbered from 0 to {tables.Count - 1}.",
                    new Dictionary<string, object?> { ["table_index"] = index, ["table_count"] = tables.Count });
            }
            WriteTable(tables[index], writer);
            return;
        }
        var first = true;
        foreach (var table in tables.Where(t => t is { RowCount: > 0, ColumnCount: > 0 }))
        {
            if (!first) writer.Write("\r\n");
            first = false;
            WriteTable(table, writer);
        }
    }

    private static void WriteTable(Table table, TextWriter writer)
    {
        foreach (var row in TableGrid.TopLeftTexts(table))
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0) writer.Write(',');
                writer.Write(Field(row[c]));
            }
            writer.Write("\r\n");
        }
    }

    /// <summary>The field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote, CR or LF.</summary>
    internal static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";
}
