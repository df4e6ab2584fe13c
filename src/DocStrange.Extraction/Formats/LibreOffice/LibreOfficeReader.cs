using System.Diagnostics;
using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;

namespace DocStrange.Extraction.Formats.LibreOffice;

/// <summary>
/// Legacy Word and PowerPoint files (DOC, PPT) and OpenDocument (ODT, ODS, ODP): converted by
/// LibreOffice (<c>soffice --headless --convert-to</c>) in a subprocess, in a private temporary folder
/// and profile, with a time limit (the process tree is killed past it), then read by the DOCX, XLSX or
/// PPTX reader; the result keeps the original file name and kind. OpenDocument files pass the ZIP
/// container checks first. Conversions run one at a time, as LibreOffice allows one instance per profile;
/// the process's one profile folder is deleted when the process exits.
/// </summary>
public sealed class LibreOfficeReader(string sofficePath, TimeSpan timeout, IReadOnlyDictionary<FileKind, IDocumentReader> targets) : IDocumentReader
{
    // One LibreOffice profile per process, shared by every reader and deleted when the process exits.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Lazy<string> Profile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"docstrange-soffice-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    });

    /// <inheritdoc />
    public IReadOnlyCollection<FileKind> Kinds => LibreOfficeLocator.Kinds;

    /// <inheritdoc />
    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind is FileKind.Odt or FileKind.Ods or FileKind.Odp) OfficeZip.Check(input, request);
        var target = TargetOf(request.Kind);
        var folder = Directory.CreateTempSubdirectory("docstrange-lo-").FullName;
        try
        {
            var source = Path.Combine(folder, "input." + FileKinds.NameOf(request.Kind));
            await using (var file = File.Create(source)) await input.CopyToAsync(file, cancellationToken);
            var output = await ConvertAsync(source, folder, FileKinds.NameOf(target), request, cancellationToken);
            await using var converted = File.OpenRead(output);
            var document = await targets[target].ReadAsync(converted, request with { Kind = target }, cancellationToken);
            return document with { Metadata = document.Metadata with { FileKind = request.Kind } };
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static FileKind TargetOf(FileKind kind) => kind switch
    {
        FileKind.Doc or FileKind.Odt => FileKind.Docx,
        FileKind.Ods => FileKind.Xlsx,
        _ => FileKind.Pptx,
    };

    private async Task<string> ConvertAsync(string source, string folder, string extension, ConversionRequest request, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo(sofficePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var arg in new[] { "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--nofirststartwizard",
                $"-env:UserInstallation={new Uri(Profile.Value + "/").AbsoluteUri}", "--convert-to", extension, "--outdir", folder, source })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw Failure(request, "LibreOffice could not be started.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw Failure(request, $"LibreOffice did not finish converting it within {timeout.TotalSeconds:0} s.");
            }
            await Task.WhenAll(stdout, stderr);
            var output = Path.Combine(folder, "input." + extension);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                // What soffice printed names its temporary folder and its own internals: it goes with the error
                // to the server's log, and the caller gets a stable sentence.
                var printed = new InvalidOperationException($"soffice exited with {process.ExitCode}: {(await stderr).Trim()}");
                throw Failure(request, "LibreOffice could not convert it.", printed);
            }
            return output;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static DocStrangeException Failure(ConversionRequest request, string why, Exception? cause = null) =>
        new(ErrorCode.UnreadableDocument, $"'{request.FileName}' could not be read as {FileKinds.NameOf(request.Kind).ToUpperInvariant()}: {why}",
            new Dictionary<string, object?> { ["file_name"] = request.FileName, ["file_type"] = FileKinds.NameOf(request.Kind) }, cause);
}
