using DocStrange.Api.Errors;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Api.Tests;

public class ErrorStatusesTests
{
    [Theory]
    [InlineData("FILE_TOO_LARGE", 413)]
    [InlineData("JOB_NOT_FOUND", 404)]
    [InlineData("RESULT_NOT_READY", 409)]
    [InlineData("INVALID_API_KEY", 401)]
    [InlineData("URL_FETCH_FAILED", 502)]
    [InlineData("RESOURCE_LIMIT", 422)]
    public void Codes_are_answered_with_their_statuses(string name, int status) =>
        Assert.Equal(status, ErrorStatuses.Of(new ErrorCode(name)));

    [Fact]
    public void Every_code_of_the_catalog_has_an_error_status() =>
        Assert.All(ErrorCatalog.All, e => Assert.InRange(ErrorStatuses.Of(e.Code), 400, 599));
}
