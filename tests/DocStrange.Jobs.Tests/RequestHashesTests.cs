using System.Security.Cryptography;
using System.Text;
using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public class RequestHashesTests
{
    private static readonly JobInput Input = new("deck.pptx", FileKind.Pptx, 1, new string('a', 64), "jobs/x/input");

    [Fact]
    public void Speaker_notes_make_another_request()
    {
        Assert.NotEqual(RequestHashes.Of(Input, new JobOptions()), RequestHashes.Of(Input, new JobOptions { IncludeNotes = true }));
        Assert.Equal(RequestHashes.Of(Input, new JobOptions()), RequestHashes.Of(Input, new JobOptions { IncludeNotes = false }));
    }

    [Fact]
    public void A_request_without_notes_keeps_the_hash_it_had_before_the_option_existed()
    {
        // The canonical form of the first version: results cached and idempotency keys taken before stay valid.
        var canonical = string.Join('\n', "v1", Input.Sha256, "pptx", "markdown", "", "auto", "eng", "");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, RequestHashes.Of(Input, new JobOptions()));
    }

    [Fact]
    public void Fields_asked_for_make_another_request()
    {
        var plain = RequestHashes.Of(Input, new JobOptions());
        var listed = RequestHashes.Of(Input, new JobOptions { ExtractFields = ["total:currency"] });
        var other = RequestHashes.Of(Input, new JobOptions { ExtractFields = ["total:number"] });
        var schema = RequestHashes.Of(Input, new JobOptions { JsonSchema = """{"type":"object","properties":{"total":{"type":"number"}}}""" });
        Assert.Equal(4, new[] { plain, listed, other, schema }.Distinct().Count());
    }

    [Fact]
    public void The_extract_mode_makes_another_request_and_auto_keeps_the_hash_of_before()
    {
        var fields = new JobOptions { ExtractFields = ["total:currency"] };
        var auto = RequestHashes.Of(Input, fields with { ExtractMode = Document.Conversion.ExtractMode.Auto });
        var rules = RequestHashes.Of(Input, fields with { ExtractMode = Document.Conversion.ExtractMode.Rules });
        var llm = RequestHashes.Of(Input, fields with { ExtractMode = Document.Conversion.ExtractMode.Llm });
        Assert.Equal(RequestHashes.Of(Input, fields), auto);
        Assert.Equal(3, new[] { auto, rules, llm }.Distinct().Count());
    }
}
