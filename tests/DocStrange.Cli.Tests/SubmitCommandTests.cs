using System.Text.RegularExpressions;

namespace DocStrange.Cli.Tests;

/// <summary><c>docstrange submit</c> against a running server gives what <c>convert</c> gives, under the same names.</summary>
[Collection(ConvertingServerCollection.Name)]
public sealed class SubmitCommandTests(ConvertingServer server) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-cli-submit-").FullName;

    [Theory]
    [InlineData("markdown")]
    [InlineData("json")]
    public async Task Submitted_files_are_written_byte_for_byte_as_convert_writes_them(string format)
    {
        var local = Path.Combine(_dir, "local");
        var remote = Path.Combine(_dir, "remote");

        var converted = await CliRunner.RunAsync(["convert", .. TestDocuments.OfEveryKind, "--format", format, "--output", local]);
        var submitted = await CliRunner.RunAsync(["submit", .. TestDocuments.OfEveryKind, "--format", format, "--output", remote, "--server", server.Url]);

        Assert.Equal(0, converted.ExitCode);
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.Equal("", submitted.Stdout);
        var names = Directory.GetFiles(local).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(TestDocuments.OfEveryKind.Length, names.Count);
        Assert.Equal(names, Directory.GetFiles(remote).Select(Path.GetFileName).Order().ToList());
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(local, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(remote, name!))), $"{name} differs");
        }
        Assert.Contains($"docstrange: {TestDocuments.OfEveryKind.Length} files: {TestDocuments.OfEveryKind.Length} converted, 0 failed;", submitted.Stderr);
    }

    [Fact]
    public async Task Images_as_files_come_down_next_to_the_result_as_convert_writes_them()
    {
        var pdf = TestDocuments.Path("picture_classification.pdf");
        var local = Path.Combine(_dir, "local");
        var remote = Path.Combine(_dir, "remote");

        var converted = await CliRunner.RunAsync("convert", pdf, "--images", "files", "--output", local);
        var submitted = await CliRunner.RunAsync("submit", pdf, "--images", "files", "--output", remote, "--server", server.Url);

        Assert.Equal(0, converted.ExitCode);
        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(local, "picture_classification.pdf.md")), File.ReadAllText(Path.Combine(remote, "picture_classification.pdf.md")));
        var images = Directory.GetFiles(Path.Combine(local, "images")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(images, Directory.GetFiles(Path.Combine(remote, "images")).Select(Path.GetFileName).Order().ToList());
        foreach (var name in images)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(local, "images", name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(remote, "images", name!))), $"{name} differs");
        }
    }

    [Fact]
    public async Task Images_as_files_waited_for_need_one_input_and_a_place_to_write()
    {
        var pdf = TestDocuments.Path("picture_classification.pdf");

        var toStdout = await CliRunner.RunAsync("submit", pdf, "--images", "files", "--wait", "--server", server.Url);
        var two = await CliRunner.RunAsync("submit", pdf, pdf, "--images", "files", "--output", _dir, "--server", server.Url);

        Assert.Equal(2, toStdout.ExitCode);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("--images files", two.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_file_waited_for_goes_to_stdout_as_convert_writes_it_with_progress_on_stderr()
    {
        var pdf = TestDocuments.Path("multi_page.pdf");

        var converted = await CliRunner.RunAsync("convert", pdf, "--pages", "2-4", "--page-breaks");
        var submitted = await CliRunner.RunAsync("submit", pdf, "--pages", "2-4", "--page-breaks", "--wait", "--server", server.Url);

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.Equal(converted.Stdout, submitted.Stdout);
        Assert.Contains("<!-- page 3 -->", submitted.Stdout);
        var lines = submitted.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.StartsWith($"docstrange: {pdf}: ", l));
        Assert.Matches(@": job_[a-z0-9]{26}: 3 pages in ", lines[^1]);
    }

    [Fact]
    public async Task Without_waiting_the_job_id_is_printed_and_its_result_is_what_convert_gives()
    {
        var html = TestDocuments.Path("example_03.html");
        var submitted = await CliRunner.RunAsync("submit", html, "--format", "text", "--server", server.Url);

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        var jobId = Assert.Single(submitted.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^job_[a-z0-9]{26}$", jobId);

        var events = await CliRunner.RunAsync("events", jobId, "--server", server.Url);
        Assert.Equal(0, events.ExitCode);
        Assert.StartsWith("completed done 100%", events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);

        var result = await CliRunner.RunAsync("result", jobId, "--output", _dir, "--server", server.Url);
        Assert.Equal(0, result.ExitCode);
        var local = await CliRunner.RunAsync("convert", html, "--format", "text");
        Assert.Equal(local.Stdout, File.ReadAllText(Path.Combine(_dir, "example_03.html.txt")));
    }

    [Fact]
    public async Task Several_files_without_waiting_print_each_id_with_its_file_in_input_order()
    {
        string[] files = [TestDocuments.Path("comma_quoted.csv"), TestDocuments.Path("word_sample.docx")];
        var submitted = await CliRunner.RunAsync(["submit", .. files, "--server", server.Url]);

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        var lines = submitted.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files, lines.Select(l => l.Split('\t')[1]));
        Assert.All(lines, l => Assert.Matches("^job_[a-z0-9]{26}\t", l));
    }

    [Fact]
    public async Task A_refused_file_is_said_with_its_error_code_and_the_others_still_convert()
    {
        var good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Good text\n");
        var binary = Path.Combine(_dir, "fake.txt");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0, 1, 2, 3, 0]);
        var output = Path.Combine(_dir, "out");

        var outcome = await CliRunner.RunAsync("submit", good, binary, Path.Combine(_dir, "absent.txt"), "--output", output, "--format", "text", "--server", server.Url);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("Good text\n", File.ReadAllText(Path.Combine(output, "good.txt.txt")));
        Assert.Equal(["good.txt.txt"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Matches(new Regex($"docstrange: {Regex.Escape(binary)}: INVALID_FILE_TYPE: .*\\(HTTP 415, request req_"), outcome.Stderr);
        Assert.Contains("absent.txt: no such file", outcome.Stderr);
        Assert.Contains("docstrange: 3 files: 1 converted, 2 failed;", outcome.Stderr);
    }

    [Fact]
    public async Task The_server_can_come_from_the_environment()
    {
        var outcome = await CliRunner.RunWithEnvironmentAsync(new Dictionary<string, string> { ["DOCSTRANGE_SERVER"] = server.Url }, "jobs");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.StartsWith("ID  ", outcome.Stdout);
    }

    [Fact]
    public async Task Bad_option_values_are_usage_errors_before_anything_is_sent()
    {
        var file = TestDocuments.Path("comma_quoted.csv");
        var unreachable = "http://127.0.0.1:9";

        Assert.Equal(2, (await CliRunner.RunAsync("submit", file, "--format", "docx", "--server", unreachable)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("submit", file, "--priority", "urgent", "--server", unreachable)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("submit", file, file, "-o", Path.Combine(_dir, "x.md"), "--server", unreachable)).ExitCode);
        var several = await CliRunner.RunAsync("submit", file, file, "--wait", "--server", unreachable);
        Assert.Equal(2, several.ExitCode);
        Assert.Contains("--output DIR", several.Stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
