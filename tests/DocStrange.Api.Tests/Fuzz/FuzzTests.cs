using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocStrange.Api.Errors;
using DocStrange.Api.Tests.Hardening;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DocStrange.Api.Tests.Fuzz;

/// <summary>
/// Thousands of damaged documents through the whole service: every answer is 202 or a documented client
/// error, every job ends with a result or a documented error that is not an internal one, and the
/// service is still healthy and converting afterwards. <c>DOCSTRANGE_FUZZ_COUNT</c> sets the count
/// (default 2,000); <c>DOCSTRANGE_FUZZ_SEED</c> the random seed (default 20261128).
/// </summary>
[Trait("Mode", "embedded-only")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
        ["two_pages.pdf", "code_listing.pdf", "ruled_table.pdf", "empty_user_password.pdf", "features.docx", "word_tables.docx", "formats.xlsx", "small.png", "small.jpg"];

    // Codes a damaged document may legitimately end with: unreadable, not what it claims, locked, too big or too long.
    private static readonly HashSet<string> ExpectedJobCodes = ["UNREADABLE_DOCUMENT", "INVALID_FILE_TYPE", "ENCRYPTED_DOCUMENT", "TOO_MANY_PAGES", "FILE_TOO_LARGE", "OCR_FAILED"];

    [Fact]
    public async Task Damaged_documents_never_break_the_service()
    {
        var count = Setting("DOCSTRANGE_FUZZ_COUNT", 2000);
        var seed = Setting("DOCSTRANGE_FUZZ_SEED", 20261128);
        var logs = new CapturedLogs();
        using var factory = new ApiFactory(services: s => s.AddSingleton<ILoggerProvider>(logs), settings: new Dictionary<string, string>
        {
            // Thousands of jobs: the console would drown the summary; the captured log keeps the errors.
            ["Logging:Console:LogLevel:Default"] = "None",
            ["DocStrange:Worker:Slots"] = "2",
            // An unexpected failure is a finding, not something to try again.
            ["DocStrange:Jobs:MaxRetries"] = "0",
            // A reader that hangs on a small damaged file shows as WORKER_TIMEOUT instead of stalling the run.
            ["DocStrange:Worker:SoftTimeout"] = "00:00:20",
            ["DocStrange:Worker:HardTimeout"] = "00:00:30",
            ["DocStrange:Tiers:Free:RequestsPerMinute"] = "1000000",
            ["DocStrange:Tiers:Free:DocumentsPerDay"] = "1000000",
            ["DocStrange:Tiers:Free:ConcurrentJobs"] = "1000000",
        });
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var inputs = MakeInputs(count, seed);
        var clock = Stopwatch.StartNew();

        var answers = new ConcurrentDictionary<string, int>();
        var jobs = new ConcurrentDictionary<string, FuzzInput>();
        var badAnswers = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (input, ct) =>
        {
            var fields = input.Extension is ".png" or ".jpg" ? [] : new[] { ("ocr", "never") };
            using var response = await client.PostAsync("/api/v1/documents", ApiClient.Form("fuzz" + input.Extension, input.Bytes, fields), ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var status = (int)response.StatusCode;
            if (status == 202)
            {
                answers.AddOrUpdate("202", 1, (_, n) => n + 1);
                jobs[body.GetProperty("job_id").GetString()!] = input;
                return;
            }
            var code = body.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() ?? "" : "";
            answers.AddOrUpdate($"{status} {code}", 1, (_, n) => n + 1);
            if (status is < 400 or >= 500 || !ErrorCatalog.TryParse(code, out var parsed) || ErrorStatuses.Of(parsed) != status)
            {
                badAnswers.Enqueue($"{input}: {status} {body}");
            }
        });
        var submitted = clock.Elapsed;

        var outcomes = new Dictionary<string, int>();
        var badJobs = new List<string>();
        foreach (var (jobId, input) in jobs)
        {
            var job = await client.WaitFinalAsync(jobId, maxPolls: 60);
            var state = job.GetProperty("status").GetString()!;
            var code = state == "failed" ? job.GetProperty("error").GetProperty("code").GetString()! : "";
            var key = state == "failed" ? $"failed {code}" : state;
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            if (state is not ("completed" or "failed") || (state == "failed" && !ExpectedJobCodes.Contains(code)))
            {
                badJobs.Add($"{input}: {key} {job.GetProperty("error")}");
            }
        }
        var finished = clock.Elapsed;

        // Still converting, and healthy, after all of it.
        var check = await client.WaitFinalAsync(await client.SubmitAsync(ApiClient.TextForm()));
        var health = await client.GetAsync("/api/v1/health");
        var healthBody = await health.Content.ReadFromJsonAsync<JsonElement>();

        var summary = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"fuzz: {inputs.Count} inputs (seed {seed}), submitted in {submitted.TotalSeconds:0.0} s, all final after {finished.TotalSeconds:0.0} s")
            .AppendLine(CultureInfo.InvariantCulture, $"inputs by seed: {string.Join(", ", inputs.GroupBy(i => i.Seed).Select(g => $"{g.Key} {g.Count()}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} ×{a.Value}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"jobs: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} ×{o.Value}"))}");
        foreach (var entry in logs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).Select(FirstLines).GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10))
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"logged error ×{entry.Count()}: {entry.Key}");
        }
        foreach (var bad in badAnswers.Concat(badJobs).Take(20)) summary.AppendLine("unexpected: " + bad);
        output.WriteLine(summary.ToString());

        Assert.True(badAnswers.IsEmpty && badJobs.Count == 0, summary.ToString());
        Assert.Equal("completed", check.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", healthBody.GetProperty("status").GetString());
    }

    private static List<FuzzInput> MakeInputs(int count, int seed)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var folder = Path.Combine(AppContext.BaseDirectory, "data", "fuzz");
        var seeds = Seeds.Select(name => (Name: name, Bytes: File.ReadAllBytes(Path.Combine(folder, name)))).ToArray();
        var inputs = new List<FuzzInput>(count);
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = seeds[i % seeds.Length];
            var extension = Path.GetExtension(name);
            var (mutated, applied) = mutator.Mutate(bytes, extension);
            inputs.Add(new FuzzInput(i, name, extension, applied, mutated));
        }
        return inputs;
    }

    private static string FirstLines(string entry)
    {
        var lines = entry.Split('\n');
        var frame = lines.Skip(1).FirstOrDefault(l => l.TrimStart().StartsWith("at DocStrange", StringComparison.Ordinal))?.Trim() ?? "";
        return $"{lines[0][..Math.Min(lines[0].Length, 160)]} {(lines.Length > 1 ? lines[1][..Math.Min(lines[1].Length, 200)] : "")} {frame}";
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record FuzzInput(int Index, string Seed, string Extension, string Applied, byte[] Bytes)
    {
        public override string ToString() => $"input #{Index} ({Seed}, {Applied}, {Bytes.Length} bytes)";
    }
}
