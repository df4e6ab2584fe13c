using System.Text;

namespace DocStrange.Extraction.Formats.Csv;

/// <summary>
/// Splits delimited text into records (RFC 4180): a field in double quotes may hold the delimiter,
/// line breaks and doubled quotes (<c>""</c>); CR, LF and CRLF all end a record. Lenient where files
/// are sloppy: a quote inside an unquoted field is kept as text, text after a closing quote is appended.
/// </summary>
internal sealed class CsvParser(TextReader reader, char delimiter)
{
    private readonly StringBuilder _field = new();

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public List<string>? ReadRecord()
    {
        var ch = reader.Read();
        if (ch < 0) return null;
        var fields = new List<string>();
        var quoted = false;
        var atFieldStart = true;
        _field.Clear();
        while (true)
        {
            if (ch < 0)
            {
                fields.Add(_field.ToString());
                return fields;
            }
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    _field.Append(c);
                }
            }
            else if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                atFieldStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                _field.Append(c);
                atFieldStart = false;
            }
            ch = reader.Read();
        }
    }
}
