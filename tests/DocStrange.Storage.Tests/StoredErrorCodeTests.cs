using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using DocStrange.Jobs.Model;

namespace DocStrange.Storage.Tests;

public class StoredErrorCodeTests
{
    [Fact]
    public void A_stored_error_keeps_its_code_in_lower_case_as_rows_already_hold_it()
    {
        var json = StorageJson.Write(new JobError { Code = ServiceErrors.WorkerTimeout, Message = "m" });
        Assert.Contains("\"code\":\"worker_timeout\"", json, StringComparison.Ordinal);
        Assert.Equal(ServiceErrors.WorkerTimeout, StorageJson.Read<JobError>(json).Code);
    }

    [Fact]
    public void A_row_written_before_codes_were_values_reads_back()
    {
        var error = StorageJson.Read<JobError>("""{"code":"unreadable_document","message":"m","retryable":false}""");
        Assert.Equal(ErrorCode.UnreadableDocument, error.Code);
    }

    [Fact]
    public void A_stored_code_outside_the_catalog_is_damage() =>
        Assert.Throws<JsonException>(() => StorageJson.Read<JobError>("""{"code":"no_such_code","message":"m"}"""));
}
