using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public class JobProgressTests
{
    [Theory]
    [InlineData(JobState.Pending, 0, null, 0)]
    [InlineData(JobState.Processing, 0, 10, 5)]
    [InlineData(JobState.Processing, 5, 10, 47)]
    [InlineData(JobState.Processing, 10, 10, 90)]
    [InlineData(JobState.Completed, 3, 10, 100)]
    public void Percent_follows_pages(JobState state, int done, int? total, int expected) =>
        Assert.Equal(expected, new JobProgress("parsing", done, total).Percent(state));
}
