using System.Text;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using DocStrange.Extraction;
using DocStrange.Extraction.Fields.Llm;

namespace DocStrange.Worker.Conversion;

/// <summary>
/// Converts in the worker's own process: nothing fences a conversion off from the others, so a
/// document that exhausts memory or crashes the parser takes the process down. Used where no
/// sandbox child can be started, or when it is turned off.
/// </summary>
internal sealed class InProcessConversion(DocumentConverter converter, ILlmFieldSource? llm = null) : IJobConversion
{
    public async Task<ConvertedDocument> ConvertAsync(Stream input, ConversionRequest request, IReadOnlyList<OutputFormat> formats,
        ExportOptions export, CancellationToken cancellationToken)
    {
        var document = await converter.ConvertAsync(input, request with { Llm = llm }, cancellationToken);
        return new Converted(document, export);
    }

    /// <summary>The model in memory; each format is exported when it is opened.</summary>
    private sealed class Converted(DocumentModel document, ExportOptions export) : ConvertedDocument(ConversionSummary.Of(document))
    {
        public override Task<Stream> OpenAsync(OutputFormat format, CancellationToken cancellationToken) => Task.FromResult(Export(document, format));

        public override Task<Stream> OpenPageAsync(OutputFormat format, int page, CancellationToken cancellationToken) =>
            Task.FromResult(Export(PageParts.Of(document).First(p => p.Page == page).Part, format));

        private Stream Export(DocumentModel model, OutputFormat format)
        {
            var buffer = new MemoryStream();
            using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
            {
                DocumentExporters.Get(format).Write(model, writer, export);
            }
            buffer.Position = 0;
            return buffer;
        }

        public override Task<Stream> OpenImageAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new MemoryStream(PictureFiles.Of(document).First(f => f.Name == name).Image.Bytes, writable: false));
    }
}
