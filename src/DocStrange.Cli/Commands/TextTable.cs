namespace DocStrange.Cli.Commands;

/// <summary>Rows as aligned columns of plain text, the header first: readable, and easy to cut or grep.</summary>
internal static class TextTable
{
    public static async Task WriteAsync(TextWriter writer, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            await writer.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
