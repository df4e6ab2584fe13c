using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction;
using DocStrange.Extraction.Fields.Llm;
using DocStrange.Worker.Conversion;

namespace DocStrange.Worker.Sandbox;

/// <summary>
/// The child side of a sandboxed conversion (<c>docstrange sandbox-convert</c>): started ahead of its
/// job, it gets ready (the converter built) and waits for the path of its request on standard input
/// (or takes it as an argument: <c>sandbox-convert FOLDER/request.json</c>); then it reads the input the
/// worker left in the folder, converts it, writes every asked format and a summary there, and reports
/// progress on standard output (<see cref="SandboxProtocol"/>). It obeys only its worker: terminal and
/// service-manager signals (SIGINT, SIGTERM, SIGQUIT) are ignored, so a worker draining on shutdown
/// keeps its conversions; it ends when the worker closes its standard input.
/// </summary>
public static class SandboxChild
{
    private static volatile bool s_outOfMemory;

    // The lines the worker sends after the request: its answers to the LLM stage's questions.
    private static readonly Channel<string> s_lines = Channel.CreateUnbounded<string>();

    /// <summary>Runs one conversion, of <paramref name="requestPath"/> or of the path read from standard input; returns the exit code the worker reads (<see cref="SandboxProtocol"/>).</summary>
    public static async Task<int> RunAsync(string? requestPath)
    {
        // A reader may catch an OutOfMemoryException and carry on with a page missing; the heap limit was still hit.
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is OutOfMemoryException) s_outOfMemory = true;
        };
        using var signals = IgnoreStopSignals();
        var firstLine = EndWithWorker();
        var converter = DocumentConverter.CreateDefault();
        await WarmUpAsync(converter);
        requestPath ??= await firstLine;
        if (string.IsNullOrWhiteSpace(requestPath)) return SandboxProtocol.WorkerGone;

        var folder = Path.GetDirectoryName(Path.GetFullPath(requestPath))!;
        try
        {
            var request = JsonSerializer.Deserialize<SandboxRequest>(await File.ReadAllTextAsync(requestPath), SandboxProtocol.Json)
                ?? throw new InvalidDataException("The sandbox request is empty.");
            var code = await ConvertAsync(converter, folder, request);
            return s_outOfMemory ? SandboxProtocol.OutOfMemory : code;
        }
        catch (Exception) when (s_outOfMemory)
        {
            return SandboxProtocol.OutOfMemory;
        }
        catch (DocStrangeException ex)
        {
            var error = new SandboxError
            {
                Code = ex.Code.Name,
                Message = ex.Message,
                Details = ex.Details.ToDictionary(d => d.Key, d => JsonSerializer.SerializeToElement(d.Value, SandboxProtocol.Json)),
            };
            await File.WriteAllTextAsync(Path.Combine(folder, SandboxProtocol.ErrorFile), JsonSerializer.Serialize(error, SandboxProtocol.Json));
            // What a reader met underneath is for the worker's log only.
            if (ex.InnerException is { } inner) await Console.Error.WriteLineAsync(inner.ToString());
            return SandboxProtocol.ConversionFailed;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return SandboxProtocol.Unexpected;
        }
    }

    private static async Task<int> ConvertAsync(DocumentConverter converter, string folder, SandboxRequest request)
    {
        var options = new ConversionOptions
        {
            Pages = PageSelection.Parse(request.Pages),
            Password = request.Password,
            Ocr = request.Ocr,
            OcrEngine = request.OcrEngine,
            Languages = request.Languages,
            IncludeNotes = request.IncludeNotes,
            MaxPages = request.MaxPages,
            PageTimeout = request.PageTimeout,
            Fields = FieldRequest.From(request.ExtractFields, request.JsonSchema),
            ExtractMode = request.ExtractMode,
            Images = request.Images,
            ImageLimits = new ImageLimits { MaxImages = request.MaxImages, MaxBytes = request.MaxImageBytes },
        };
        var progress = new LineProgress(Console.Out);
        DocumentModel document;
        await using (var input = new FileStream(Path.Combine(folder, SandboxProtocol.InputFile), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
        {
            var conversion = new ConversionRequest(request.FileName, request.Kind, options)
            {
                Progress = progress,
                Llm = request.Llm ? new WorkerLlm(folder, Console.Out) : null,
            };
            document = await converter.ConvertAsync(input, conversion, CancellationToken.None);
        }

        progress.Stage("exporting");
        var export = new ExportOptions
        {
            TableSpans = request.TableSpans,
            PageBreaks = request.PageBreaks,
            Images = request.Images,
            ChunkTokens = request.ChunkTokens,
            ChunkOverlap = request.ChunkOverlap,
        };
        foreach (var format in request.Formats.Distinct())
        {
            // Written as it is exported, never held whole.
            await using var writer = new StreamWriter(Path.Combine(folder, SandboxProtocol.ResultFile(format)), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            DocumentExporters.Get(format).Write(document, writer, export);
        }
        foreach (var (page, part) in PageParts.Of(document))
        {
            foreach (var format in request.Formats.Distinct())
            {
                await using var writer = new StreamWriter(Path.Combine(folder, SandboxProtocol.PageFile(format, page)), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                DocumentExporters.Get(format).Write(part, writer, export);
            }
        }
        if (request.Images == ImageMode.Files)
        {
            var images = Directory.CreateDirectory(Path.Combine(folder, SandboxProtocol.ImagesFolder)).FullName;
            foreach (var (name, image) in PictureFiles.Of(document)) await File.WriteAllBytesAsync(Path.Combine(images, name), image.Bytes);
        }
        var summary = JsonSerializer.Serialize(ConversionSummary.Of(document), SandboxProtocol.Json);
        await File.WriteAllTextAsync(Path.Combine(folder, SandboxProtocol.SummaryFile), summary);
        return SandboxProtocol.Converted;
    }

    /// <summary>
    /// Runs what every job runs once, before the job comes: reading the request, converting (a line of
    /// text), every exporter and the summary, so a child started ahead has that code loaded and compiled.
    /// </summary>
    private static async Task WarmUpAsync(DocumentConverter converter)
    {
        _ = JsonSerializer.Deserialize<SandboxRequest>("""{"file_name":"warm-up.txt","kind":"text","formats":["markdown"]}""", SandboxProtocol.Json);
        using var sample = new MemoryStream("Warm-up\n"u8.ToArray());
        var document = await converter.ConvertAsync(sample, new ConversionRequest("warm-up.txt", FileKind.Text, ConversionOptions.Default), CancellationToken.None);
        foreach (var format in Enum.GetValues<OutputFormat>()) DocumentExporters.Get(format).Write(document, TextWriter.Null, new ExportOptions());
        _ = JsonSerializer.Serialize(ConversionSummary.Of(document), SandboxProtocol.Json);
    }

    private static IDisposable IgnoreStopSignals()
    {
        PosixSignalRegistration[] registrations =
        [
            .. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, c => c.Cancel = true)),
        ];
        return new Registrations(registrations);
    }

    /// <summary>
    /// Reads standard input: its first line (the request path of a child started ahead) is returned;
    /// when it closes, the worker that started the child is gone and no one will read the result, so the
    /// process ends.
    /// </summary>
    private static Task<string?> EndWithWorker()
    {
        var firstLine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = new Thread(() =>
        {
            try
            {
                using var input = new StreamReader(Console.OpenStandardInput());
                firstLine.TrySetResult(input.ReadLine());
                while (input.ReadLine() is { } line) s_lines.Writer.TryWrite(line);
            }
            catch (IOException)
            {
            }
            firstLine.TrySetResult(null);
            Environment.Exit(SandboxProtocol.WorkerGone);
        })
        {
            IsBackground = true,
            Name = "sandbox worker watch",
        };
        watch.Start();
        return firstLine.Task;
    }

    private sealed class Registrations(PosixSignalRegistration[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items) item.Dispose();
        }
    }

    /// <summary>The worker's LLM, asked through the job's folder and a line each way (<see cref="SandboxProtocol.LlmLine"/>).</summary>
    private sealed class WorkerLlm(string folder, TextWriter output) : ILlmFieldSource
    {
        public async Task<LlmAnswer> AskAsync(LlmQuestion question, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, SandboxProtocol.LlmQuestionFile), JsonSerializer.Serialize(question, SandboxProtocol.Json), cancellationToken);
            lock (output)
            {
                output.WriteLine(SandboxProtocol.LlmLine);
                output.Flush();
            }
            await s_lines.Reader.ReadAsync(cancellationToken);
            return JsonSerializer.Deserialize<LlmAnswer>(await File.ReadAllTextAsync(Path.Combine(folder, SandboxProtocol.LlmAnswerFile), cancellationToken), SandboxProtocol.Json)
                ?? LlmAnswer.Failed("the worker gave no answer");
        }
    }

    /// <summary>Progress as lines on standard output, the last page counts kept for the exporting stage.</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<ConversionProgress>
    {
        private int _done;
        private int? _total;

        public void Report(ConversionProgress value)
        {
            _done = value.PagesDone;
            _total = value.PagesTotal;
            Write(value.Stage);
        }

        public void Stage(string stage) => Write(stage);

        private void Write(string stage)
        {
            lock (output)
            {
                output.WriteLine(SandboxProtocol.ProgressLine(stage, _done, _total));
                output.Flush();
            }
        }
    }
}
