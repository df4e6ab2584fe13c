namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// A path to the PDF for pdftoppm, which reads files: the input's own when it is one, else a
/// temporary copy made once on first use and deleted on dispose.
/// </summary>
internal sealed class PdfFileSpool(Stream input) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _copy;

    /// <summary>The path of the PDF.</summary>
    public async Task<string> PathAsync(CancellationToken cancellationToken)
    {
        if (input is FileStream { Name: var name } && File.Exists(name)) return name;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_copy is not null) return _copy;
            var path = Path.Combine(Path.GetTempPath(), $"docstrange-pdf-{Guid.NewGuid():N}.pdf");
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            _copy = path;
            input.Position = 0;
            await input.CopyToAsync(file, cancellationToken);
            return path;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        if (_copy is not null) File.Delete(_copy);
    }
}
