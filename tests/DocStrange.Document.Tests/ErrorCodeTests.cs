using DocStrange.Document.Errors;

namespace DocStrange.Document.Tests;

public class ErrorCodeTests
{
    [Fact]
    public void A_code_is_its_wire_name()
    {
        Assert.Equal("UNREADABLE_DOCUMENT", ErrorCode.UnreadableDocument.Name);
        Assert.Equal("FILE_TOO_LARGE", ErrorCode.FileTooLarge.ToString());
        Assert.Equal(ErrorCode.OcrFailed, new ErrorCode("OCR_FAILED"));
    }

    [Fact]
    public void Every_code_of_a_conversion_is_listed_once_in_upper_snake_case()
    {
        var declared = typeof(ErrorCode).GetFields().Where(f => f.IsStatic).Select(f => (ErrorCode)f.GetValue(null)!).ToList();
        Assert.Equal(declared, ErrorCode.DocumentCodes);
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.All(declared, c => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", c.Name));
    }
}
