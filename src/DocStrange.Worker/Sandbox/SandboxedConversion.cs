using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Document.Conversion;
using DocStrange.Extraction;
using DocStrange.Extraction.Fields.Llm;
using DocStrange.Jobs.Errors;
using DocStrange.Worker.Conversion;
using Microsoft.Extensions.Logging;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// Converts each job in a child process of its own (<see cref="SandboxChild"/>) under a memory and a
/// CPU-time budget (<see cref="ConversionChild"/>), so a hostile document can exhaust, hang or crash only
/// its child: the worker, its other slots and the API in the same process stay up. The input and the
/// results pass through a private temporary folder; the child writes the results itself, so a large
/// document's model never enters the worker's memory. Children are started ahead
/// (<see cref="SandboxOptions.WarmChildren"/>), so a job does not wait for a runtime to start; each
/// still serves one job only.
/// </summary>
internal sealed class SandboxedConversion : IJobConversion, IDisposable
{
    private static readonly int[] CrashSignals = [4, 5, 6, 7, 8, 11, 31]; // SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS

    private readonly SandboxCommand _command;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly ILlmFieldSource? _llm;
    private readonly Queue<ConversionChild> _warm = new();
    private bool _disposed;

    public SandboxedConversion(SandboxCommand command, SandboxOptions options, ILogger logger, ILlmFieldSource? llm = null)
    {
        _command = command;
        _options = options;
        _logger = logger;
        _llm = llm;
    }

    /// <summary>Starts the children kept ready for the next jobs; a failure to start is left to the first job to report.</summary>
    public void Prestart()
    {
        try
        {
            Refill();
        }
        catch (InvalidOperationException ex)
        {
            _logger.LogWarning(ex, "Could not start a conversion child ahead");
        }
    }

    public async Task<ConvertedDocument> ConvertAsync(Stream input, ConversionRequest request, IReadOnlyList<OutputFormat> formats,
        ExportOptions export, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"docstrange-sandbox-{Guid.NewGuid():N}");
        // Only this user may read it: the request carries the PDF password.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            await using (var file = new FileStream(Path.Combine(folder, SandboxProtocol.InputFile), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await input.CopyToAsync(file, cancellationToken);
            }
            var requestPath = Path.Combine(folder, SandboxProtocol.RequestFile);
            await File.WriteAllTextAsync(requestPath, JsonSerializer.Serialize(ToSandbox(request, formats, export), SandboxProtocol.Json), cancellationToken);

            using var child = Take();
            var exit = await child.RunAsync(requestPath, line =>
            {
                if (line == SandboxProtocol.LlmLine) _ = AnswerLlmAsync(child, folder, cancellationToken);
                else Report(request, line);
            }, cancellationToken);
            _logger.LogDebug("Conversion child ended with {ExitCode}: peak {PeakMiB} MiB, {CpuSeconds:0.00} s CPU",
                exit.ExitCode, exit.PeakResidentBytes >> 20, exit.CpuSeconds);
            if (Failure(exit, request, folder) is { } failure)
            {
                if (failure is DocStrangeException stopped && (stopped.Code == ErrorCode.ResourceLimit || stopped.Code == ErrorCode.UnreadableDocument) && exit.ExitCode != SandboxProtocol.ConversionFailed)
                {
                    _logger.LogWarning("Conversion child stopped ({Code}, exit {ExitCode}): peak {PeakMiB} MiB, {CpuSeconds:0.00} s CPU; its last words: {ErrorTail}",
                        stopped.Code.Name, exit.ExitCode, exit.PeakResidentBytes >> 20, exit.CpuSeconds, exit.ErrorTail);
                }
                throw failure;
            }
            var summary = JsonSerializer.Deserialize<ConversionSummary>(await File.ReadAllTextAsync(Path.Combine(folder, SandboxProtocol.SummaryFile), cancellationToken), SandboxProtocol.Json)
                ?? throw new InvalidDataException("The conversion child wrote an empty summary.");
            return new FromFolder(folder, summary);
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>
    /// Asks the LLM for the child. The call is made here, in the worker, and not in the child: the child is there to
    /// fence off what a hostile file can do to the parsers, needs no network for that, and never sees the API key;
    /// it sends the Markdown and the schema, and gets the checked answer back (<see cref="SandboxProtocol.LlmLine"/>).
    /// </summary>
    private async Task AnswerLlmAsync(ConversionChild child, string folder, CancellationToken cancellationToken)
    {
        LlmAnswer answer;
        try
        {
            var question = JsonSerializer.Deserialize<LlmQuestion>(await File.ReadAllTextAsync(Path.Combine(folder, SandboxProtocol.LlmQuestionFile), cancellationToken), SandboxProtocol.Json)
                ?? throw new InvalidDataException("The conversion child's LLM question is empty.");
            answer = _llm is null ? LlmAnswer.Failed(LlmFields.NotConfigured) : await _llm.AskAsync(question, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not read the conversion child's LLM question");
            answer = LlmAnswer.Failed("the LLM question could not be passed on");
        }
        catch (OperationCanceledException)
        {
            return; // The job is cancelled or timed out: the child is killed.
        }
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, SandboxProtocol.LlmAnswerFile), JsonSerializer.Serialize(answer, SandboxProtocol.Json), CancellationToken.None);
            await child.SendLineAsync(SandboxProtocol.LlmLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not pass the LLM's answer to the conversion child");
        }
    }

    /// <summary>
    /// Why the child failed, or null when it converted: a budget passed (<c>RESOURCE_LIMIT</c>), a crash
    /// (<c>UNREADABLE_DOCUMENT</c>), the reader's own error, or — for a child stopped from outside or
    /// failing for no reason it gave — an exception the job retries as <c>PROCESSING_ERROR</c>.
    /// </summary>
    internal Exception? Failure(ChildExit exit, ConversionRequest request, string folder)
    {
        if (exit.Breach == LimitBreach.Memory) return ResourceLimits.Memory(_options.MemoryLimitMb);
        if (exit.Breach == LimitBreach.CpuTime) return ResourceLimits.CpuTime(_options.CpuSeconds);
        if (exit.ExitCode == SandboxProtocol.Converted) return null;
        if (exit.ExitCode == SandboxProtocol.OutOfMemory) return ResourceLimits.Memory(_options.MemoryLimitMb);
        if (exit.ExitCode == SandboxProtocol.ConversionFailed) return ReadError(folder);
        if (exit.Signal is not { } signal)
        {
            return new InvalidOperationException($"The conversion child failed (exit code {exit.ExitCode}): {exit.ErrorTail}");
        }
        // The kernel's CPU limit: SIGXCPU at the soft limit, SIGKILL at the hard one.
        if (signal == 24 || signal == 9 && exit.CpuSeconds >= _options.CpuSeconds - 1) return ResourceLimits.CpuTime(_options.CpuSeconds);
        if (exit.OutOfMemory) return ResourceLimits.Memory(_options.MemoryLimitMb);
        if (exit.StackOverflow || CrashSignals.Contains(signal)) return Crashed(request, signal, exit.StackOverflow);
        // SIGKILL or SIGTERM from someone else (the system's OOM killer, an operator): not the document's doing, so retried.
        return new InvalidOperationException($"The conversion child was stopped from outside by signal {SignalName(signal)}.");
    }

    /// <summary>A child started ahead and still alive, or a new one; the ones kept ready are topped up.</summary>
    private ConversionChild Take()
    {
        ConversionChild? ready = null;
        lock (_warm)
        {
            while (ready is null && _warm.TryDequeue(out var child))
            {
                if (child.HasExited) child.Dispose();
                else ready = child;
            }
        }
        ready ??= ConversionChild.Start(_command, _options, _logger);
        Prestart();
        return ready;
    }

    private void Refill()
    {
        lock (_warm)
        {
            while (!_disposed && _warm.Count < _options.WarmChildren) _warm.Enqueue(ConversionChild.Start(_command, _options, _logger));
        }
    }

    public void Dispose()
    {
        lock (_warm)
        {
            _disposed = true;
            while (_warm.TryDequeue(out var child)) child.Dispose();
        }
    }

    private static DocStrangeException Crashed(ConversionRequest request, int signal, bool stackOverflow) => new(ErrorCode.UnreadableDocument,
        stackOverflow
            ? $"The file could not be read as {FileKinds.NameOf(request.Kind).ToUpperInvariant()}: its structure is nested too deeply (the reader's stack overflowed)."
            : $"The file could not be read as {FileKinds.NameOf(request.Kind).ToUpperInvariant()}: the reader crashed on it ({SignalName(signal)}).",
        new Dictionary<string, object?>
        {
            ["file_name"] = request.FileName,
            ["file_type"] = FileKinds.NameOf(request.Kind),
            ["reason"] = stackOverflow ? "stack_overflow" : "crashed",
            ["signal"] = SignalName(signal),
        });

    private static Exception ReadError(string folder)
    {
        var error = JsonSerializer.Deserialize<SandboxError>(File.ReadAllText(Path.Combine(folder, SandboxProtocol.ErrorFile)), SandboxProtocol.Json);
        if (error is null || !ErrorCatalog.TryParse(error.Code, out var code))
        {
            return new InvalidDataException($"The conversion child reported an error this worker does not know: {error?.Code}.");
        }
        var details = (error.Details ?? []).ToDictionary(d => d.Key, d => PlainValue(d.Value));
        return new DocStrangeException(code, error.Message, details);
    }

    /// <summary>A JSON value as the plain .NET value a reader put in its details (an int stays an int).</summary>
    internal static object? PlainValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(PlainValue).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => PlainValue(p.Value)),
        _ => null,
    };

    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        24 => "SIGXCPU",
        31 => "SIGSYS",
        _ => $"signal {signal}",
    };

    private SandboxRequest ToSandbox(ConversionRequest request, IReadOnlyList<OutputFormat> formats, ExportOptions export) => new()
    {
        FileName = request.FileName,
        Kind = request.Kind,
        Pages = request.Options.Pages.Text,
        Password = request.Options.Password,
        Ocr = request.Options.Ocr,
        OcrEngine = request.Options.OcrEngine,
        Languages = request.Options.Languages,
        IncludeNotes = request.Options.IncludeNotes,
        MaxPages = request.Options.MaxPages,
        PageTimeout = request.Options.PageTimeout,
        Formats = formats,
        TableSpans = export.TableSpans,
        PageBreaks = export.PageBreaks,
        Images = request.Options.Images,
        MaxImages = request.Options.ImageLimits.MaxImages,
        MaxImageBytes = request.Options.ImageLimits.MaxBytes,
        ChunkTokens = export.ChunkTokens,
        ChunkOverlap = export.ChunkOverlap,
        ExtractFields = request.Options.Fields is { Schema: null } list ? FieldListParser.Canonical(list) : [],
        JsonSchema = request.Options.Fields?.Schema,
        ExtractMode = request.Options.ExtractMode,
        Llm = _llm is not null,
    };

    private static void Report(ConversionRequest request, string line)
    {
        if (SandboxProtocol.ParseLine(line) is { } progress)
        {
            request.Progress?.Report(new ConversionProgress(progress.Stage, progress.Done, progress.Total));
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }

    /// <summary>The results the child wrote; the folder goes with the job's attempt.</summary>
    private sealed class FromFolder(string folder, ConversionSummary summary) : ConvertedDocument(summary)
    {
        public override Task<Stream> OpenAsync(OutputFormat format, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new FileStream(Path.Combine(folder, SandboxProtocol.ResultFile(format)), FileMode.Open, FileAccess.Read,
                FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));

        public override Task<Stream> OpenPageAsync(OutputFormat format, int page, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new FileStream(Path.Combine(folder, SandboxProtocol.PageFile(format, page)), FileMode.Open, FileAccess.Read,
                FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));

        // The name is one the child listed in its summary, never a caller's: it cannot leave the folder.
        public override Task<Stream> OpenImageAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new FileStream(Path.Combine(folder, SandboxProtocol.ImagesFolder, Path.GetFileName(name)), FileMode.Open, FileAccess.Read,
                FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));

        public override ValueTask DisposeAsync()
        {
            DeleteFolder(folder);
            return ValueTask.CompletedTask;
        }
    }
}
