using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public class JobProgressTests
{
    [Theory]
    [InlineData(JobState.Pending, 0, null, 0)]
    [InlineData(JobState.Processing, 0, 10, 5)]
    [InlineData(JobState.Processing, 5, 10, 32)]
    [InlineData(JobState.Processing, 10, 10, 60)]
    [InlineData(JobState.Completed, 3, 10, 100)]
    public void Percent_follows_pages(JobState state, int done, int? total, int expected) =>
        Assert.Equal(expected, new JobProgress("parsing", done, total).Percent(state));

    [Fact]
    public void The_stages_share_one_scale_in_their_order()
    {
        var stages = new[] { "queued", "downloading", "parsing", "ocr", "layout", "extracting", "exporting", "uploading" };
        var starts = stages.Select(s => ProgressScale.Of(s, 0, 4)).ToList();
        var ends = stages.Select(s => ProgressScale.Of(s, 4, 4)).ToList();
        for (var i = 1; i < stages.Length; i++) Assert.True(starts[i] >= ends[i - 1], $"{stages[i]} starts below where {stages[i - 1]} ends");
        Assert.True(ends[^1] < 100);
    }

    [Fact]
    public void A_scan_recognised_after_it_was_parsed_goes_on_from_where_parsing_ended()
    {
        // A scanned PDF: its pages parsed (no text), then each recognised.
        var parsed = new JobProgress("downloading").Then("parsing", 3, 3);
        var recognising = parsed.Then("ocr", 1, 3);
        Assert.Equal(60, parsed.Percent(JobState.Processing));
        Assert.Equal(68, recognising.Percent(JobState.Processing));
        Assert.Equal(90, recognising.Then("ocr", 3, 3).Then("exporting", 3, 3).Percent(JobState.Processing));
    }

    [Fact]
    public void A_report_of_less_than_was_shown_keeps_the_percent_and_takes_the_stage()
    {
        var recognised = new JobProgress("ocr", 3, 3).Then("ocr", 3, 3);
        var back = recognised.Then("parsing", 1, 3);
        Assert.Equal(85, back.Percent(JobState.Processing));
        Assert.Equal("parsing", back.Stage);
        // A job stopped there shows what it had reached.
        Assert.Equal(85, back.Percent(JobState.Cancelled));
    }
}
