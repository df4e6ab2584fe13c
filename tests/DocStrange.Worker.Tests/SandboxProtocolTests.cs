using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Extraction;
using DocStrange.Jobs.Errors;
using DocStrange.Worker.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocStrange.Worker.Tests;

/// <summary>The worker's side of the sandbox that needs no child: reading /proc, the progress lines, and what each way a child ends means for the job.</summary>
public sealed class SandboxProtocolTests
{
    private static readonly SandboxedConversion Sandbox = new(new SandboxCommand("docstrange", []),
        new SandboxOptions { MemoryLimitMb = 256, CpuSeconds = 10 }, NullLogger.Instance);

    private static readonly ConversionRequest Request = new("deep.docx", FileKind.Docx, ConversionOptions.Default);

    [Fact]
    public void A_proc_stat_line_is_read_after_the_command_name_whatever_it_holds()
    {
        // Fields 14-17: utime 150, stime 50, cutime 30, cstime 20 ticks; field 24: rss 1000 pages.
        var stat = "4242 (a) (b c) R 1 4242 4242 0 -1 4194304 100 0 0 0 150 50 30 20 20 0 8 0 123 456789 1000 18446744073709551615";
        var usage = ProcessUsage.Parse(stat)!.Value;
        Assert.Equal(2.5, usage.CpuSeconds, precision: 6);
        Assert.Equal(1000L * Environment.SystemPageSize, usage.ResidentBytes);
        Assert.Null(ProcessUsage.Parse("garbage"));
    }

    [Fact]
    public void This_process_is_seen_in_proc()
    {
        if (!OperatingSystem.IsLinux()) return;
        var usage = ProcessUsage.Of(Environment.ProcessId)!.Value;
        Assert.InRange(usage.ResidentBytes, 10L << 20, 64L << 30);
        Assert.True(usage.CpuSeconds > 0);
    }

    [Theory]
    [InlineData("parsing", 3, 10)]
    [InlineData("exporting", 0, null)]
    public void Progress_lines_read_back(string stage, int done, int? total)
    {
        Assert.Equal<(string, int, int?)?>((stage, done, total), SandboxProtocol.ParseLine(SandboxProtocol.ProgressLine(stage, done, total)));
        Assert.Null(SandboxProtocol.ParseLine("something the runtime printed"));
    }

    [Fact]
    public void Details_from_the_child_keep_their_types()
    {
        var details = JsonSerializer.SerializeToElement(new { max_pages = 50, size = 5_000_000_000L, ratio = 0.5, installed = new[] { "eng" } });
        var plain = (Dictionary<string, object?>)SandboxedConversion.PlainValue(details)!;
        Assert.IsType<int>(plain["max_pages"]);
        Assert.IsType<long>(plain["size"]);
        Assert.IsType<double>(plain["ratio"]);
        Assert.Equal(new object?[] { "eng" }, (List<object?>)plain["installed"]!);
    }

    [Theory]
    [InlineData(137, "Memory", 0.1, "memory")]        // the watch killed it
    [InlineData(137, "CpuTime", 10.0, "cpu_time")]
    [InlineData(11, "None", 0.5, "memory")]           // the child's heap limit: it reported OutOfMemory
    [InlineData(152, "None", 10.0, "cpu_time")]       // SIGXCPU: the kernel's soft limit
    [InlineData(137, "None", 15.0, "cpu_time")]       // SIGKILL at the kernel's hard limit
    public void A_child_over_a_budget_is_a_resource_limit(int exitCode, string breach, double cpu, string limit)
    {
        var exit = Exit(exitCode, Enum.Parse<LimitBreach>(breach), cpu);
        var failure = Assert.IsType<DocStrangeException>(Sandbox.Failure(exit, Request, "/nonexistent"));
        Assert.Equal(ErrorCode.ResourceLimit, failure.Code);
        Assert.False(ErrorCatalog.IsTransient(failure.Code));
        Assert.Equal(limit, failure.Details["limit"]);
    }

    [Theory]
    [InlineData(134, true, "stack_overflow", "SIGABRT")]
    [InlineData(139, false, "crashed", "SIGSEGV")]
    [InlineData(135, false, "crashed", "SIGBUS")]
    public void A_crashed_child_makes_the_document_unreadable(int exitCode, bool stackOverflow, string reason, string signal)
    {
        var exit = Exit(exitCode, LimitBreach.None, 0.2) with { StackOverflow = stackOverflow };
        var failure = Assert.IsType<DocStrangeException>(Sandbox.Failure(exit, Request, "/nonexistent"));
        Assert.Equal(ErrorCode.UnreadableDocument, failure.Code);
        Assert.False(ErrorCatalog.IsTransient(failure.Code));
        Assert.Equal(reason, failure.Details["reason"]);
        Assert.Equal(signal, failure.Details["signal"]);
        Assert.Equal("deep.docx", failure.Details["file_name"]);
    }

    [Theory]
    [InlineData(137)] // SIGKILL from outside (the system's OOM killer) well under the CPU budget
    [InlineData(143)] // SIGTERM from outside
    [InlineData(13)]  // an unexpected failure the child reported
    [InlineData(12)]  // the child saw its worker go
    public void A_child_stopped_for_no_fault_of_the_document_is_retried(int exitCode)
    {
        var failure = Sandbox.Failure(Exit(exitCode, LimitBreach.None, 0.2), Request, "/nonexistent");
        Assert.IsNotType<DocStrangeException>(failure);
    }

    [Fact]
    public void A_converted_child_is_no_failure() => Assert.Null(Sandbox.Failure(Exit(0, LimitBreach.None, 0.2), Request, "/nonexistent"));

    private static ChildExit Exit(int code, LimitBreach breach, double cpu) => new(code, breach, 50 << 20, cpu, false, false, "");
}
