using DocStrange.Jobs.Logging;

namespace DocStrange.Jobs.Tests;

public class LogFieldsTests
{
    [Fact]
    public void A_scope_reads_as_its_fields_not_as_a_type_name()
    {
        var scope = new LogFields(("request_id", "req_1"), ("key_id", "key_2"));
        Assert.Equal("request_id=req_1 key_id=key_2", scope.ToString());
        Assert.Equal([new("request_id", "req_1"), new("key_id", (object?)"key_2")], scope.ToList());
    }
}
