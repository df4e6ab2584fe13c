using System.Text.Json;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using Microsoft.ML.Tokenizers;

namespace DocStrange.Extraction.Tests;

/// <summary>The chunks output on real files: sizes counted again with the tokenizer, every word of the body accounted for, tables cut with their header.</summary>
public class ChunkCorpusTests
{
    private static readonly Tokenizer Cl100kBase = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    public static TheoryData<string, int> Files() => new()
    {
        { "pdf/amt_handbook_sample.pdf", 512 },
        { "pdf/amt_handbook_sample.pdf", 48 },
        { "pdf/paper_with_rule_table.pdf", 40 },
        { "pdf/report_with_columns.pdf", 64 },
        { "pdf/borderless_table.pdf", 32 },
        { "pdf/multi_page.pdf", 128 },
        { "docx/word_tables.docx", 40 },
        { "docx/word_sample.docx", 64 },
        { "xlsx/xlsx_01.xlsx", 100 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Chunks_stay_under_the_limit_and_hold_every_word_once(string fixture, int tokens)
    {
        var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), ConversionOptions.Default);
        var chunks = JsonDocument.Parse(DocumentExporters.ExportToString(document, OutputFormat.Chunks, new ExportOptions { ChunkTokens = tokens }))
            .RootElement.EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();

        Assert.NotEmpty(chunks);
        Assert.All(chunks, text => Assert.InRange(Cl100kBase.CountTokens(text), 1, tokens));

        var body = Words(DocumentExporters.ExportToString(document, OutputFormat.Markdown).Replace("<!-- image -->", " "));
        var chunked = Words(string.Join('\n', chunks));
        var headers = Headers(document).ToList();
        // Nothing lost, and nothing added but the header rows written again at the top of a table's later parts.
        Assert.Empty(Minus(body, chunked));
        Assert.All(Minus(chunked, body), word => Assert.Contains(headers, header => header.Contains(word, StringComparison.Ordinal)));

        // Every run of table lines in a chunk opens with one of the tables' header and delimiter rows, unless
        // the header and that first row together are over the limit.
        foreach (var lines in chunks.Select(c => c.Split('\n')))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith('|') || i > 0 && lines[i - 1].StartsWith('|')) continue;
                var opening = lines[i] + "\n" + lines.ElementAtOrDefault(i + 1);
                if (headers.Contains(opening)) continue;
                var row = lines[i];
                Assert.True(headers.Where(h => Pipes(h.Split('\n')[0]) == Pipes(row)).Any(h => Cl100kBase.CountTokens(h + "\n" + row) > tokens),
                    $"\"{row}\" is not under its header");
            }
        }
    }

    private static int Pipes(string line) => line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|');

    /// <summary>Each table's header and delimiter rows as the Markdown export writes them.</summary>
    private static IEnumerable<string> Headers(DocumentModel document) =>
        document.Blocks.Where(b => b.Table is { RowCount: > 0, ColumnCount: > 0 })
            .Select(b => DocumentExporters.ExportToString(document with { Blocks = [b] }, OutputFormat.Markdown).Split('\n')[..2]).Select(lines => string.Join('\n', lines));

    private static Dictionary<string, int> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IEnumerable<string> Minus(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Where(kv => kv.Value > b.GetValueOrDefault(kv.Key)).Select(kv => kv.Key);
}
