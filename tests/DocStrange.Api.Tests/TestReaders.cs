using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction;

namespace DocStrange.Api.Tests;

/// <summary>Readers whose behaviour a test controls.</summary>
internal static class TestReaders
{
    /// <summary>Reads Markdown files by throwing, as a reader with a bug would.</summary>
    public sealed class Crashing : IDocumentReader
    {
        public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

        public Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    /// <summary>Reads Markdown files slowly, page by page, until cancelled; says when it started and how many pages it finished.</summary>
    public sealed class Endless(int pageMilliseconds = 20) : IDocumentReader
    {
        private int _pages;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when the third page is done.</summary>
        public TaskCompletionSource ThreePagesDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Pages finished so far.</summary>
        public int PagesDone => Volatile.Read(ref _pages);

        public IReadOnlyCollection<FileKind> Kinds { get; } = [FileKind.Markdown];

        public async Task<DocumentModel> ReadAsync(Stream input, ConversionRequest request, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            for (var page = 1; ; page++)
            {
                // One "page" of work, then the page boundary where cancellation is honoured.
                await Task.Delay(pageMilliseconds, cancellationToken);
                Volatile.Write(ref _pages, page);
                if (page == 3) ThreePagesDone.TrySetResult();
                request.Progress?.Report(new ConversionProgress(ConversionStages.Parsing, page, 10_000));
            }
        }
    }
}
