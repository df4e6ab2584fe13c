using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;

namespace DocStrange.Jobs.Tests;

public class ErrorCatalogTests
{
    [Theory]
    [InlineData("FILE_TOO_LARGE", "File too large", false)]
    [InlineData("JOB_NOT_FOUND", "Job not found", false)]
    [InlineData("OCR_FAILED", "OCR failed", true)]
    [InlineData("WORKER_TIMEOUT", "Worker timeout", true)]
    public void Codes_parse_from_their_wire_names_to_their_rows(string name, string title, bool transient)
    {
        Assert.True(ErrorCatalog.TryParse(name, out var code));
        Assert.Equal(name, code.Name);
        Assert.Equal(title, ErrorCatalog.Get(code).Title);
        Assert.Equal(transient, ErrorCatalog.IsTransient(code));
    }

    [Fact]
    public void A_name_outside_the_catalog_does_not_parse()
    {
        Assert.False(ErrorCatalog.TryParse("file_too_large", out _));
        Assert.False(ErrorCatalog.TryParse("NO_SUCH_CODE", out _));
    }

    [Fact]
    public void Every_code_of_the_spec_is_in_the_catalog_in_its_order()
    {
        string[] spec = ["INVALID_REQUEST", "INVALID_FILE_TYPE", "FILE_TOO_LARGE", "FILE_EMPTY", "UNREADABLE_DOCUMENT",
            "ENCRYPTED_DOCUMENT", "TOO_MANY_PAGES", "INVALID_API_KEY", "JOB_NOT_FOUND", "RESULT_NOT_READY", "RESULT_EXPIRED",
            "RATE_LIMIT_EXCEEDED", "QUOTA_EXCEEDED", "CONCURRENCY_LIMIT_EXCEEDED", "IDEMPOTENCY_CONFLICT", "URL_NOT_ALLOWED",
            "URL_FETCH_FAILED", "PROCESSING_ERROR", "OCR_FAILED", "GPU_UNAVAILABLE", "STORAGE_ERROR", "WORKER_TIMEOUT",
            "JOB_CANCELLED", "SERVICE_UNAVAILABLE", "INTERNAL_ERROR", "RESOURCE_LIMIT", "INVALID_SCHEMA", "SCHEMA_TOO_LARGE", "IMAGE_NOT_FOUND",
            "LLM_NOT_CONFIGURED"];
        Assert.Equal(spec, ErrorCatalog.All.Select(e => e.Name));
    }

    [Fact]
    public void The_document_schema_lists_the_codes_of_the_catalog_as_warning_codes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "document.schema.json")));
        var listed = schema.RootElement.GetProperty("$defs").GetProperty("warning").GetProperty("properties").GetProperty("code")
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(ErrorCatalog.All.Select(e => e.Name), listed);
    }

    [Fact]
    public void The_catalog_holds_each_code_of_the_conversion_and_of_the_service_once()
    {
        var service = typeof(ServiceErrors).GetFields().Select(f => (ErrorCode)f.GetValue(null)!);
        var declared = ErrorCode.DocumentCodes.Concat(service).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(declared.Order(Names), ErrorCatalog.All.Select(e => e.Code).Order(Names));
    }

    private static readonly Comparer<ErrorCode> Names = Comparer<ErrorCode>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name));
}
