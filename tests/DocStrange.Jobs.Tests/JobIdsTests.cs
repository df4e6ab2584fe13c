using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public class JobIdsTests
{
    [Fact]
    public void Ids_are_well_formed_and_distinct()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => JobIds.New()).ToList();
        Assert.All(ids, id => Assert.True(JobIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("job_")]
    [InlineData("job_../../etc/passwd")]
    [InlineData("JOB_aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("job_AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(null)]
    public void Malformed_ids_are_recognised(string? id) => Assert.False(JobIds.IsWellFormed(id));
}
