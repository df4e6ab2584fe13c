using DocStrange.Document.Export;

namespace DocStrange.Worker.Conversion;

/// <summary>A converted job's input: the facts its result records and the output of each asked format, to be stored.</summary>
public abstract class ConvertedDocument(ConversionSummary summary) : IAsyncDisposable
{
    /// <summary>Page counts and warnings.</summary>
    public ConversionSummary Summary { get; } = summary;

    /// <summary>The output of one asked format, from its start; the caller disposes it.</summary>
    public abstract Task<Stream> OpenAsync(OutputFormat format, CancellationToken cancellationToken);

    /// <summary>The output of one asked format for page <paramref name="page"/> alone, one of <see cref="ConversionSummary.Pages"/>; the caller disposes it.</summary>
    public abstract Task<Stream> OpenPageAsync(OutputFormat format, int page, CancellationToken cancellationToken);

    /// <summary>The image file <paramref name="name"/>, one of <see cref="ConversionSummary.Images"/>, from its start; the caller disposes it.</summary>
    public abstract Task<Stream> OpenImageAsync(string name, CancellationToken cancellationToken);

    /// <summary>Lets go of what the outputs are kept in (memory, a temporary folder).</summary>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
