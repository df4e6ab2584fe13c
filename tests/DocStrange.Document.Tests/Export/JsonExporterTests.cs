using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class JsonExporterTests
{
    private static JsonDocument Json(DocumentModel document) => JsonDocument.Parse(Render(OutputFormat.Json, document));

    private static string[] Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();

    private static JsonDocument Schema() => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "document.schema.json")));

    [Fact]
    public void Writes_the_model_with_snake_case_members_and_no_nulls()
    {
        using var json = Json(EveryRole());
        var root = json.RootElement;
        Assert.Equal(["schema_version", "metadata", "pages", "blocks", "warnings"], Names(root));
        Assert.Equal("1.0", root.GetProperty("schema_version").GetString());

        var metadata = root.GetProperty("metadata");
        Assert.Equal(["file_name", "file_type", "title", "page_count", "ocr_pages"], Names(metadata));
        Assert.Equal("pdf", metadata.GetProperty("file_type").GetString());
        Assert.Equal(3, metadata.GetProperty("page_count").GetInt32());

        var page = root.GetProperty("pages")[1];
        Assert.Equal(["number", "width", "height", "rotation", "ocr", "blocks"], Names(page));
        Assert.Equal(612.33, page.GetProperty("width").GetDouble());
        Assert.Equal(90, page.GetProperty("rotation").GetInt32());
        Assert.True(page.GetProperty("ocr").GetBoolean());
    }

    [Fact]
    public void Each_page_lists_the_indices_of_its_blocks()
    {
        var document = Of(Para("one", page: 1), Role(BlockRole.Paragraph, "nowhere"), Para("two", page: 2), Para("three", page: 1)) with
        {
            Pages = [new PageInfo(1, 612, 792), new PageInfo(2, 612, 792), new PageInfo(3, 612, 792)],
        };
        using var json = Json(document);
        var pages = json.RootElement.GetProperty("pages").EnumerateArray()
            .Select(p => p.GetProperty("blocks").EnumerateArray().Select(i => i.GetInt32()).ToArray()).ToArray();
        Assert.Equal([[0, 3], [2], []], pages);
    }

    [Fact]
    public void Blocks_carry_role_names_and_only_meaningful_members()
    {
        using var json = Json(EveryRole());
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(["page_header", "title", "heading", "paragraph", "list_item", "list_item", "table", "picture", "caption",
            "footnote", "code", "formula", "page_footer"], blocks.Select(b => b.GetProperty("role").GetString()));

        Assert.Equal(["role", "text", "provenance"], Names(blocks[1]));
        var box = blocks[1].GetProperty("provenance").GetProperty("bbox");
        Assert.Equal(["left", "top", "right", "bottom"], Names(box));
        Assert.Equal(60.12, box.GetProperty("top").GetDouble());

        Assert.Equal(["role", "text", "level", "provenance"], Names(blocks[2]));
        Assert.Equal(1, blocks[2].GetProperty("level").GetInt32());
        Assert.Equal(["page"], Names(blocks[2].GetProperty("provenance")));

        Assert.Equal(["role", "text", "confidence", "provenance"], Names(blocks[3]));
        Assert.Equal(0.9123, blocks[3].GetProperty("confidence").GetDouble());

        Assert.Equal(["role", "text", "level", "ordered", "number"], Names(blocks[4]));
        Assert.True(blocks[4].GetProperty("ordered").GetBoolean());
        Assert.Equal(150, blocks[4].GetProperty("number").GetInt32());
        Assert.Equal(1, blocks[5].GetProperty("level").GetInt32());
        Assert.False(blocks[5].GetProperty("ordered").GetBoolean());

        Assert.Equal(["role", "text"], Names(blocks[7]));
        Assert.Equal(["role", "text", "language"], Names(blocks[10]));
        Assert.Equal("x = 1\ny = 2", blocks[10].GetProperty("text").GetString());
    }

    [Fact]
    public void Tables_keep_their_cells_with_spans_and_header_flags()
    {
        using var json = Json(EveryRole());
        var table = json.RootElement.GetProperty("blocks")[6].GetProperty("table");
        Assert.Equal(["row_count", "column_count", "cells"], Names(table));
        Assert.Equal(4, table.GetProperty("row_count").GetInt32());
        Assert.Equal(3, table.GetProperty("column_count").GetInt32());
        var cells = table.GetProperty("cells").EnumerateArray().ToArray();
        Assert.Equal(9, cells.Length);
        Assert.Equal(["row", "column", "text", "row_span", "column_span", "is_header"], Names(cells[1]));
        Assert.Equal("Sales", cells[1].GetProperty("text").GetString());
        Assert.Equal(2, cells[1].GetProperty("column_span").GetInt32());
        Assert.Equal(2, cells[0].GetProperty("row_span").GetInt32());
        Assert.True(cells[0].GetProperty("is_header").GetBoolean());
        Assert.False(cells[4].GetProperty("is_header").GetBoolean());
    }

    [Fact]
    public void Warnings_use_wire_codes_and_leave_out_a_missing_page()
    {
        using var json = Json(EveryRole());
        var warnings = json.RootElement.GetProperty("warnings");
        Assert.Equal(["code", "message", "page"], Names(warnings[0]));
        Assert.Equal("OCR_FAILED", warnings[0].GetProperty("code").GetString());
        Assert.Equal(3, warnings[0].GetProperty("page").GetInt32());
        Assert.Equal(["code", "message"], Names(warnings[1]));
    }

    [Fact]
    public void Output_is_indented_unescaped_utf8_text_ending_in_a_newline()
    {
        var text = Render(OutputFormat.Json, EveryRole());
        Assert.StartsWith("{\n  \"schema_version\": \"1.0\",\n  \"metadata\": {\n    \"file_name\": \"every.pdf\",", text);
        Assert.Contains("\"text\": \"Body <b>text</b> é\"", text);
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain("null", text);
    }

    [Fact]
    public void An_empty_document_has_empty_arrays_and_no_title()
    {
        using var json = Json(Of());
        Assert.Equal(["file_name", "file_type", "page_count"], Names(json.RootElement.GetProperty("metadata")));
        Assert.Equal(0, json.RootElement.GetProperty("blocks").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void An_ocrd_document_carries_its_words_and_mean_confidence_and_matches_the_schema()
    {
        var words = new[] { new Word("Hello", new BoundingBox(10, 20, 40.123, 30), 0.91234), new Word("world", new BoundingBox(45, 20, 80, 30), 0.5) };
        var document = Of(new Block { Role = BlockRole.Paragraph, Text = "Hello world", Confidence = 0.7, Words = words, Provenance = new Provenance(1, new BoundingBox(10, 20, 80, 30)) }) with
        {
            Pages = [new PageInfo(1, 612, 792, Ocr: true), new PageInfo(2, 612, 792)],
        };
        document = document with { Metadata = document.Metadata with { OcrConfidence = 0.70001 } };

        using var json = Json(document);
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal((1, 0.7), (metadata.GetProperty("ocr_pages").GetInt32(), metadata.GetProperty("ocr_confidence").GetDouble()));
        var block = json.RootElement.GetProperty("blocks")[0];
        Assert.Equal(["role", "text", "confidence", "provenance", "words"], Names(block));
        var first = block.GetProperty("words")[0];
        Assert.Equal(["text", "bbox", "confidence"], Names(first));
        Assert.Equal((40.12, 0.9123), (first.GetProperty("bbox").GetProperty("right").GetDouble(), first.GetProperty("confidence").GetDouble()));
        Assert.Empty(PublishedSchemaTests.Problems(json.RootElement));
    }

    [Fact]
    public void The_schema_check_catches_a_wrong_document()
    {
        using var wrong = JsonDocument.Parse("""
            {"schema_version":"1.0","metadata":{"file_name":"a","file_type":"pdf","page_count":1},"pages":[],
             "blocks":[{"role":"heading","text":"x"},{"role":"list-item","text":"y","level":0,"ordered":true,"colour":"red"}],
             "warnings":[{"code":"OOPS","message":"m","page":0}]}
            """);
        var problems = PublishedSchemaTests.Problems(wrong.RootElement);
        Assert.Contains(problems, p => p.StartsWith("/blocks/0", StringComparison.Ordinal) && p.Contains("level", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/blocks/1", StringComparison.Ordinal) && p.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/blocks/1/role", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("/warnings/0/code", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_enums_match_the_code()
    {
        using var schema = Schema();
        var defs = schema.RootElement.GetProperty("$defs");
        string[] Listed(string def, string member) =>
            defs.GetProperty(def).GetProperty("properties").GetProperty(member).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(ValuesOf<BlockRole>().Select(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString())), Listed("block", "role"));
        // The schema lists every code clients may see; a conversion's own are the ones the document can carry.
        Assert.Superset(ErrorCode.DocumentCodes.Select(c => c.Name).ToHashSet(), Listed("warning", "code").ToHashSet());
        Assert.Equal(ValuesOf<Files.FileKind>().Select(Files.FileKinds.NameOf), Listed("metadata", "file_type"));
    }

    private static IEnumerable<T> ValuesOf<T>() where T : struct, Enum => Enum.GetValues<T>();
}
