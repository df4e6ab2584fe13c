namespace DocStrange.Cli.Tests;

/// <summary><c>status</c>, <c>jobs</c>, <c>result</c> and <c>cancel</c> on jobs a server has run.</summary>
[Collection(ConvertingServerCollection.Name)]
public sealed class JobCommandTests(ConvertingServer server)
{
    private async Task<string> CompletedJobAsync(string file, params string[] options)
    {
        var submitted = await CliRunner.RunAsync(["submit", file, .. options, "--server", server.Url]);
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        var jobId = submitted.Stdout.Trim();
        Assert.Equal(0, (await CliRunner.RunAsync("events", jobId, "--server", server.Url)).ExitCode);
        return jobId;
    }

    [Fact]
    public async Task Status_shows_the_job_s_state_progress_and_file()
    {
        var jobId = await CompletedJobAsync(TestDocuments.Path("multi_page.pdf"));

        var outcome = await CliRunner.RunAsync("status", jobId, "--server", server.Url);

        Assert.Equal(0, outcome.ExitCode);
        var rows = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..10].Trim(), l => l[11..]);
        Assert.Equal(jobId, rows["job"]);
        Assert.Equal("completed", rows["status"]);
        Assert.Equal("done 100%, 5/5 pages", rows["progress"]);
        Assert.StartsWith("multi_page.pdf (pdf, ", rows["file"]);
        Assert.Equal("markdown", rows["formats"]);
    }

    [Fact]
    public async Task Jobs_lists_the_newest_first_and_filters_by_status()
    {
        var older = await CompletedJobAsync(TestDocuments.Path("comma_quoted.csv"));
        var newer = await CompletedJobAsync(TestDocuments.Path("comma_quoted.csv"), "--format", "json");

        var outcome = await CliRunner.RunAsync("jobs", "--status", "completed", "--limit", "2", "--server", server.Url);

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ID", "STATUS", "PROGRESS", "FILE", "CREATED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal([newer, older], lines[1..].Select(l => l.Split(' ')[0]));
        Assert.All(lines[1..], l => Assert.Contains(" completed ", l));
        Assert.Equal(2, (await CliRunner.RunAsync("jobs", "--status", "finished", "--server", server.Url)).ExitCode);
    }

    [Fact]
    public async Task Result_picks_one_of_the_job_s_formats_and_refuses_another()
    {
        var csv = TestDocuments.Path("comma_quoted.csv");
        var jobId = await CompletedJobAsync(csv, "--format", "csv");

        var result = await CliRunner.RunAsync("result", jobId, "--server", server.Url);
        var local = await CliRunner.RunAsync("convert", csv, "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(local.Stdout, result.Stdout);

        var other = await CliRunner.RunAsync("result", jobId, "--format", "html", "--server", server.Url);
        Assert.Equal(4, other.ExitCode);
        Assert.StartsWith("docstrange: INVALID_REQUEST: ", other.Stderr);
        Assert.Equal("", other.Stdout);
    }

    [Fact]
    public async Task Cancelling_an_ended_job_deletes_its_files_and_its_result_is_then_gone()
    {
        var jobId = await CompletedJobAsync(TestDocuments.Path("comma_quoted.csv"));
        var output = Path.Combine(Path.GetTempPath(), $"docstrange-cli-gone-{Guid.NewGuid():N}.md");

        var cancel = await CliRunner.RunAsync("cancel", jobId, "--server", server.Url);
        var result = await CliRunner.RunAsync("result", jobId, "-o", output, "--server", server.Url);

        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal($"{jobId} completed: its stored files are deleted\n", cancel.Stdout);
        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("docstrange: RESULT_EXPIRED: ", result.Stderr);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".part"));
    }
}
