using DocStrange.Document.Errors;
using DocStrange.Document.Fields;

namespace DocStrange.Document.Tests.Fields;

public sealed class FieldListParserTests
{
    [Fact]
    public void Names_take_their_given_type_or_the_one_their_words_suggest()
    {
        var request = FieldListParser.Parse(["invoice_number, invoice_date,total_amount", "qty:integer", "notes"]);
        Assert.Equal(["invoice_number:string", "invoice_date:date", "total_amount:currency", "qty:integer", "notes:string"], FieldListParser.Canonical(request));
    }

    [Fact]
    public void The_canonical_list_reads_back_the_same()
    {
        var request = FieldListParser.Parse(["email,phone,due_date,paid:boolean"]);
        Assert.Equal(request.Fields, FieldListParser.Parse(FieldListParser.Canonical(request)).Fields);
    }

    [Theory]
    [InlineData("total:money")]
    [InlineData("to tal")]
    [InlineData(" , ")]
    public void A_bad_name_or_type_is_an_invalid_request_naming_the_option(string list)
    {
        var error = Assert.Throws<DocStrangeException>(() => FieldListParser.Parse([list]));
        Assert.Equal(ErrorCode.InvalidRequest, error.Code);
        Assert.Equal("extract_fields", error.Details!["field"]);
    }

    [Fact]
    public void More_than_fifty_names_are_refused()
    {
        var names = string.Join(',', Enumerable.Range(0, FieldLimits.MaxListedFields + 1).Select(i => $"f{i}"));
        Assert.Equal(ErrorCode.InvalidRequest, Assert.Throws<DocStrangeException>(() => FieldListParser.Parse([names])).Code);
    }
}
