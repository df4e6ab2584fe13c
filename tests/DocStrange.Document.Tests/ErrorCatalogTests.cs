using DocStrange.Document.Errors;

namespace DocStrange.Document.Tests;

public class ErrorCatalogTests
{
    [Theory]
    [InlineData(ErrorCode.FileTooLarge, "FILE_TOO_LARGE", 413)]
    [InlineData(ErrorCode.JobNotFound, "JOB_NOT_FOUND", 404)]
    [InlineData(ErrorCode.ResultNotReady, "RESULT_NOT_READY", 409)]
    [InlineData(ErrorCode.InvalidApiKey, "INVALID_API_KEY", 401)]
    public void Codes_have_wire_names_and_statuses(ErrorCode code, string name, int status)
    {
        Assert.Equal(name, ErrorCatalog.NameOf(code));
        Assert.Equal(status, ErrorCatalog.Get(code).HttpStatus);
        Assert.True(ErrorCatalog.TryParse(name, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Every_code_of_the_spec_is_in_the_catalog()
    {
        string[] spec = ["INVALID_REQUEST", "INVALID_FILE_TYPE", "FILE_TOO_LARGE", "FILE_EMPTY", "UNREADABLE_DOCUMENT",
            "ENCRYPTED_DOCUMENT", "TOO_MANY_PAGES", "INVALID_API_KEY", "JOB_NOT_FOUND", "RESULT_NOT_READY", "RESULT_EXPIRED",
            "RATE_LIMIT_EXCEEDED", "QUOTA_EXCEEDED", "CONCURRENCY_LIMIT_EXCEEDED", "IDEMPOTENCY_CONFLICT", "URL_NOT_ALLOWED",
            "URL_FETCH_FAILED", "PROCESSING_ERROR", "OCR_FAILED", "GPU_UNAVAILABLE", "STORAGE_ERROR", "WORKER_TIMEOUT",
            "JOB_CANCELLED", "SERVICE_UNAVAILABLE", "INTERNAL_ERROR", "RESOURCE_LIMIT"];
        Assert.Equal(spec.Order(), ErrorCatalog.All.Select(e => e.Name).Order());
    }
}
