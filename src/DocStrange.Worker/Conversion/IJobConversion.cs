using DocStrange.Document.Export;
using DocStrange.Extraction;

namespace DocStrange.Worker.Conversion;

/// <summary>
/// Turns a job's input into its results: the document read and every asked format written. In the
/// worker's own process (<see cref="InProcessConversion"/>) or in a child process with a memory and
/// CPU-time budget (<see cref="Sandbox.SandboxedConversion"/>).
/// </summary>
public interface IJobConversion
{
    /// <summary>Converts <paramref name="input"/> and exports <paramref name="formats"/>; progress goes to the request's <see cref="ConversionRequest.Progress"/>.</summary>
    Task<ConvertedDocument> ConvertAsync(Stream input, ConversionRequest request, IReadOnlyList<OutputFormat> formats,
        ExportOptions export, CancellationToken cancellationToken);
}
