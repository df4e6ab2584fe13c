using System.Collections.Concurrent;
using DocStrange.Document.Conversion;
using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction;

namespace DocStrange.Worker.Tests;

/// <summary>Text reader that counts how often each file was converted.</summary>
internal sealed class CountingReader : IDocumentReader
{
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>The OCR engine each file's conversion was asked to use.</summary>
    public ConcurrentDictionary<string, OcrEngineChoice> OcrEngines { get; } = new();

    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Text];

    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(request.FileName, 1, (_, n) => n + 1);
        OcrEngines[request.FileName] = request.Options.OcrEngine;
        await Task.Yield();
        return new DocumentModel
        {
            Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = 1 },
            Pages = [new PageInfo(1)],
            Blocks = [new Block { Role = BlockRole.Paragraph, Text = request.FileName }],
        };
    }
}

/// <summary>Reads page after page until cancelled.</summary>
internal sealed class EndlessReader : IDocumentReader
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        for (var page = 1; ; page++)
        {
            await Task.Delay(10, cancellationToken);
            request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, page, null));
        }
    }
}

/// <summary>A reader stuck in a page that never looks at its cancellation token.</summary>
internal sealed class StuckReader : IDocumentReader
{
    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
        throw new InvalidOperationException("a stuck page never ends in time");
    }
}

/// <summary>Holds every conversion until released, and counts the conversions running at once.</summary>
internal sealed class GatedReader : IDocumentReader
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private int _mostRunning;

    public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

    /// <summary>Conversions running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most conversions that ran at once.</summary>
    public int MostRunning => Volatile.Read(ref _mostRunning);

    /// <summary>Lets every held conversion, and every later one, finish.</summary>
    public void Release() => _release.TrySetResult();

    public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        for (var most = MostRunning; running > most; most = MostRunning)
        {
            if (Interlocked.CompareExchange(ref _mostRunning, running, most) == most) break;
        }
        try
        {
            await _release.Task.WaitAsync(cancellationToken);
            return new DocumentModel
            {
                Metadata = new DocumentMetadata { FileName = request.FileName, FileKind = request.Kind, PageCount = 1 },
                Pages = [new PageInfo(1)],
                Blocks = [new Block { Role = BlockRole.Paragraph, Text = request.FileName }],
            };
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
