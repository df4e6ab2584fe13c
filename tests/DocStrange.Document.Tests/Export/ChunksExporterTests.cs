using System.Text.Json;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class ChunksExporterTests
{
    private static JsonElement[] Chunks(DocumentModel document, int tokens = 512, int overlap = 0) =>
        JsonDocument.Parse(Render(OutputFormat.Chunks, document, new ExportOptions { ChunkTokens = tokens, ChunkOverlap = overlap }))
            .RootElement.EnumerateArray().ToArray();

    private static string[] Path(JsonElement chunk) => [.. chunk.GetProperty("heading_path").EnumerateArray().Select(h => h.GetString()!)];

    private static string Sentences(int count, string word) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"{word} number {i} is here."));

    [Fact]
    public void Each_section_is_a_chunk_with_its_heading_path()
    {
        var chunks = Chunks(Of(Title("Report"), Heading(1, "Intro"), Para("Hello."), Heading(2, "Detail"), Para("More."), Heading(1, "End"), Para("Bye.")));
        Assert.Equal(["# Report\n\n## Intro\n\nHello.", "### Detail\n\nMore.", "## End\n\nBye."], chunks.Select(c => c.GetProperty("text").GetString()));
        Assert.Equal([["Report", "Intro"], ["Report", "Intro", "Detail"], ["Report", "End"]], chunks.Select(Path));
        Assert.Equal([0, 1, 2], chunks[0].GetProperty("blocks").EnumerateArray().Select(b => b.GetInt32()));
    }

    [Fact]
    public void Members_name_pages_boxes_blocks_and_tokens()
    {
        var para = Para("On the second page.", page: 2) with { Provenance = new Provenance(2, new BoundingBox(10, 20, 300.123, 40)) };
        var chunk = Chunks(Of(para)).Single();
        Assert.Equal(["index", "text", "heading_path", "page_start", "page_end", "bboxes", "blocks", "tokens"], chunk.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 2), (chunk.GetProperty("page_start").GetInt32(), chunk.GetProperty("page_end").GetInt32()));
        var box = chunk.GetProperty("bboxes")[0];
        Assert.Equal(2, box.GetProperty("page").GetInt32());
        Assert.Equal(300.12, box.GetProperty("bbox").GetProperty("right").GetDouble());
        Assert.Equal(5, chunk.GetProperty("tokens").GetInt32());
    }

    [Fact]
    public void A_long_paragraph_is_cut_between_sentences_and_no_chunk_is_over_the_limit()
    {
        var text = Sentences(40, "Sentence");
        var chunks = Chunks(Of(Para(text)), tokens: 30);
        Assert.True(chunks.Length > 5);
        Assert.All(chunks, c => Assert.InRange(c.GetProperty("tokens").GetInt32(), 1, 30));
        Assert.All(chunks, c => Assert.EndsWith(".", c.GetProperty("text").GetString()));
        Assert.Equal(text, string.Join(' ', chunks.Select(c => c.GetProperty("text").GetString())));
    }

    [Fact]
    public void A_word_longer_than_a_chunk_is_cut_by_tokens()
    {
        var word = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('a' + i * 7 % 26)));
        var chunks = Chunks(Of(Para(word)), tokens: 16);
        Assert.All(chunks, c => Assert.InRange(c.GetProperty("tokens").GetInt32(), 1, 16));
        Assert.Equal(word, string.Concat(chunks.Select(c => c.GetProperty("text").GetString())));
    }

    [Fact]
    public void A_list_that_fits_stays_in_one_chunk()
    {
        var chunks = Chunks(Of(Para(Sentences(3, "Lead")), Numbered("one"), Numbered("two"), Numbered("three"), Para("After.")), tokens: 40);
        Assert.Contains(chunks, c => c.GetProperty("text").GetString()!.Contains("1. one\n2. two\n3. three", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_split_by_rows_repeats_its_header_row()
    {
        var cells = new List<TableCell> { new(0, 0, "Name", IsHeader: true), new(0, 1, "Value", IsHeader: true) };
        for (var r = 1; r <= 40; r++) cells.AddRange([new TableCell(r, 0, $"item {r}"), new TableCell(r, 1, $"{r * 11}")]);
        var chunks = Chunks(Of(TableBlock(new Table(41, 2, cells))), tokens: 60);
        Assert.True(chunks.Length > 2);
        foreach (var chunk in chunks)
        {
            Assert.StartsWith("| Name | Value |\n| --- | --- |\n| item ", chunk.GetProperty("text").GetString());
            Assert.InRange(chunk.GetProperty("tokens").GetInt32(), 1, 60);
        }
        var rows = chunks.SelectMany(c => c.GetProperty("text").GetString()!.Split('\n').Skip(2)).ToArray();
        Assert.Equal(Enumerable.Range(1, 40).Select(r => $"| item {r} | {r * 11} |"), rows);
    }

    [Fact]
    public void With_an_overlap_a_chunk_starts_with_the_end_of_the_one_before()
    {
        var chunks = Chunks(Of(Para(Sentences(30, "Sentence"))), tokens: 40, overlap: 8);
        Assert.True(chunks.Length > 2);
        for (var i = 1; i < chunks.Length; i++)
        {
            var previous = chunks[i - 1].GetProperty("text").GetString()!.Split(' ');
            var words = chunks[i].GetProperty("text").GetString()!.Split(' ');
            // Some of the previous chunk's last words (at most 8 tokens' worth) open this one.
            var shared = Enumerable.Range(1, 8).Where(n => previous[^n..].SequenceEqual(words[..n])).DefaultIfEmpty(0).Max();
            Assert.InRange(shared, 2, 8);
            Assert.InRange(chunks[i].GetProperty("tokens").GetInt32(), 1, 40);
        }
    }

    [Fact]
    public void Page_furniture_and_pictures_are_left_out()
    {
        var chunks = Chunks(Of(Role(BlockRole.PageHeader, "Running head"), Para("Body."), Role(BlockRole.Picture, "label")));
        Assert.Equal("Body.", Assert.Single(chunks).GetProperty("text").GetString());
    }
}
