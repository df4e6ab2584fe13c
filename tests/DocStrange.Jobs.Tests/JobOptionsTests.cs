using DocStrange.Document.Files;
using DocStrange.Jobs.Model;

namespace DocStrange.Jobs.Tests;

public sealed class JobOptionsTests
{
    [Fact]
    public void A_job_printed_whole_hides_its_pdf_password_and_shows_the_rest()
    {
        var options = new JobOptions { Pages = "1-3", Password = "pdf-Secret-9" };
        var job = new Job
        {
            Id = JobIds.New(), State = JobState.Pending, Options = options,
            Input = new JobInput("locked.pdf", FileKind.Pdf, 10, new string('a', 64), "inputs/x"),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        foreach (var printed in new[] { options.ToString(), job.ToString(), $"{job}" })
        {
            Assert.DoesNotContain("pdf-Secret-9", printed, StringComparison.Ordinal);
            Assert.Contains("Password = (hidden)", printed, StringComparison.Ordinal);
            Assert.Contains("Pages = 1-3", printed, StringComparison.Ordinal);
        }
        Assert.Equal("pdf-Secret-9", options.Password);
        Assert.Contains("Password = ,", new JobOptions().ToString(), StringComparison.Ordinal);
    }
}
